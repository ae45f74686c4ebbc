import type { SchoolRecord } from '@eduvkit/core';
import { defineApiMsw, type ApiHandlersOptions } from '@eduvkit/core/msw';
import type { HttpHandler } from 'msw';
import { createStudentsBron, type StudentsBronOptions } from '../bron/create-students-bron';
import type { StudentsDataSource } from '../bron/data-source';
import { createInMemoryStudentsSource } from '../bron/in-memory-source';
import { createStudentsWorld } from '../fixtures/world';
import { studentsApi } from '../generated/registry';
import { DEFAULT_STUDENTS_BASE_URL } from '../generated/base-url';

export type { OverrideReply } from '@eduvkit/core/msw';

export { DEFAULT_STUDENTS_BASE_URL };

export type StudentsHandlersOptions<S extends SchoolRecord = SchoolRecord> = ApiHandlersOptions<StudentsDataSource<S>, StudentsBronOptions<S>>;

const msw = defineApiMsw<typeof studentsApi, StudentsDataSource, StudentsBronOptions<SchoolRecord>>({
  registry: studentsApi,
  defaultBaseUrl: DEFAULT_STUDENTS_BASE_URL,
  createBron: (source, options) => createStudentsBron(source, options),
  seededSource: (seed) => {
    const world = createStudentsWorld({ seed });
    return createInMemoryStudentsSource(world.schools, world.students);
  },
});

/** MSW handlers that answer exactly like the eduvkit mock server's Students API. */
export function studentsHandlers<S extends SchoolRecord = SchoolRecord>(options: StudentsHandlersOptions<S> = {}): HttpHandler[] {
  return msw.handlers(options as unknown as StudentsHandlersOptions);
}

/** A one-operation override for `server.use(...)`: answer with this status, body and headers. */
export const studentsOverride = msw.override;
