import type { SchoolRecord } from '@eduvkit/core';
import { defineApiMsw, type ApiHandlersOptions } from '@eduvkit/core/msw';
import { createInMemoryStudentsSource } from '@eduvkit/students';
import { createStudentsWorld } from '@eduvkit/students/fixtures';
import type { HttpHandler } from 'msw';
import { createProgressOntvanger, type ProgressOntvangerOptions } from '../ontvanger/create-progress-ontvanger';
import type { ProgressDataSource } from '../ontvanger/data-source';
import { createInMemoryProgressSource, createInMemoryProgressStore } from '../ontvanger/in-memory-store';
import { progressApi } from '../generated/registry';
import { DEFAULT_PROGRESS_BASE_URL } from '../generated/base-url';

export type { OverrideReply } from '@eduvkit/core/msw';

export { DEFAULT_PROGRESS_BASE_URL };

export type ProgressHandlersOptions<S extends SchoolRecord = SchoolRecord> = ApiHandlersOptions<ProgressDataSource<S>, ProgressOntvangerOptions<S>>;

const msw = defineApiMsw<typeof progressApi, ProgressDataSource, ProgressOntvangerOptions<SchoolRecord>>({
  registry: progressApi,
  defaultBaseUrl: DEFAULT_PROGRESS_BASE_URL,
  createBron: (source, options) => createProgressOntvanger(source, options),
  seededSource: (seed) => {
    const world = createStudentsWorld({ seed });
    // Checked like at the mock, then kept where no test reads them: pass `source` to read them back.
    return createInMemoryProgressSource(world.schools, createInMemoryStudentsSource(world.schools, world.students), createInMemoryProgressStore());
  },
});

/** MSW handlers that answer `PUT /progress` exactly like the eduvkit mock server. */
export function progressHandlers<S extends SchoolRecord = SchoolRecord>(options: ProgressHandlersOptions<S> = {}): HttpHandler[] {
  return msw.handlers(options as unknown as ProgressHandlersOptions);
}

/** A one-operation override for `server.use(...)`: answer with this status, body and headers. */
export const progressOverride = msw.override;
