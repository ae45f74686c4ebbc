import type { SchoolRecord } from '@eduvkit/core';
import { defineApiMsw, type ApiHandlersOptions } from '@eduvkit/core/msw';
import { createInMemoryStudentsSource } from '@eduvkit/students';
import { createStudentsWorld } from '@eduvkit/students/fixtures';
import type { HttpHandler } from 'msw';
import { createResultsOntvanger, type ResultsOntvangerOptions } from '../ontvanger/create-results-ontvanger';
import type { ResultsDataSource } from '../ontvanger/data-source';
import { createInMemoryResultsSource, createInMemoryResultsStore } from '../ontvanger/in-memory-store';
import { resultsApi } from '../generated/registry';
import { DEFAULT_RESULTS_BASE_URL } from '../generated/base-url';

export type { OverrideReply } from '@eduvkit/core/msw';

export { DEFAULT_RESULTS_BASE_URL };

export type ResultsHandlersOptions<S extends SchoolRecord = SchoolRecord> = ApiHandlersOptions<ResultsDataSource<S>, ResultsOntvangerOptions<S>>;

const msw = defineApiMsw<typeof resultsApi, ResultsDataSource, ResultsOntvangerOptions<SchoolRecord>>({
  registry: resultsApi,
  defaultBaseUrl: DEFAULT_RESULTS_BASE_URL,
  createBron: (source, options) => createResultsOntvanger(source, options),
  seededSource: (seed) => {
    const world = createStudentsWorld({ seed });
    // Checked like at the mock, then kept where no test reads them: pass `source` to read them back.
    return createInMemoryResultsSource(world.schools, createInMemoryStudentsSource(world.schools, world.students), createInMemoryResultsStore());
  },
});

/** MSW handlers that answer `POST /results` exactly like the eduvkit mock server. */
export function resultsHandlers<S extends SchoolRecord = SchoolRecord>(options: ResultsHandlersOptions<S> = {}): HttpHandler[] {
  return msw.handlers(options as unknown as ResultsHandlersOptions);
}

/** A one-operation override for `server.use(...)`: answer with this status, body and headers. */
export const resultsOverride = msw.override;
