import type { SchoolRecord } from '@eduvkit/core';
import { bronHandlers, overrideHandler, type OverrideReply } from '@eduvkit/core/msw';
import type { HttpHandler } from 'msw';
import { createStudentsBron, type StudentsBronOptions } from '../bron/create-students-bron';
import type { StudentsDataSource } from '../bron/data-source';
import { createInMemoryStudentsSource } from '../bron/in-memory-source';
import { createStudentsWorld } from '../fixtures/world';
import { studentsApi } from '../generated/registry';

export type { OverrideReply } from '@eduvkit/core/msw';

/** Where the handlers answer unless told otherwise; point your client's baseUrl here. */
export const DEFAULT_STUDENTS_BASE_URL = 'https://bron.eduvkit.test/students-api/v1';

export interface StudentsHandlersOptions<S extends SchoolRecord = SchoolRecord> {
  /** Base URL including the major version; default DEFAULT_STUDENTS_BASE_URL. */
  baseUrl?: string;
  /** The data behind the handlers; default a seeded world (see `seed`). */
  source?: StudentsDataSource<S>;
  /** Seed of the default world; the same as `eduvkit mock --seed`. Default 1. */
  seed?: number;
  /** Bron options, e.g. `authenticate` to check tokens or `authorize` to simulate consent. */
  bron?: StudentsBronOptions<S>;
}

/** MSW handlers that answer exactly like the eduvkit mock server's Students API. */
export function studentsHandlers<S extends SchoolRecord = SchoolRecord>(options: StudentsHandlersOptions<S> = {}): HttpHandler[] {
  const baseUrl = options.baseUrl ?? DEFAULT_STUDENTS_BASE_URL;
  const source =
    options.source ??
    (() => {
      const world = createStudentsWorld({ seed: options.seed ?? 1 });
      return createInMemoryStudentsSource(world.schools, world.students) as unknown as StudentsDataSource<S>;
    })();
  const bron = createStudentsBron(source, { ...options.bron, basePath: new URL(baseUrl).pathname.replace(/\/+$/, '') });
  return bronHandlers(studentsApi, bron, baseUrl);
}

/** A one-operation override for `server.use(...)`: answer with this status, body and headers. */
export function studentsOverride(
  operationId: keyof typeof studentsApi.operations,
  reply: OverrideReply,
  options: { baseUrl?: string } = {},
): HttpHandler {
  return overrideHandler(studentsApi, operationId, reply, options.baseUrl ?? DEFAULT_STUDENTS_BASE_URL);
}
