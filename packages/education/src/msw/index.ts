import type { SchoolRecord } from '@eduvkit/core';
import { defineApiMsw, type ApiHandlersOptions } from '@eduvkit/core/msw';
import type { HttpHandler } from 'msw';
import { createEducationBron, type EducationBronOptions } from '../bron/create-education-bron';
import type { EducationDataSource } from '../bron/data-source';
import { createInMemoryEducationSource } from '../bron/in-memory-source';
import { createEducationWorld } from '../fixtures/world';
import { educationApi } from '../generated/registry';
import { DEFAULT_EDUCATION_BASE_URL } from '../generated/base-url';

export type { OverrideReply } from '@eduvkit/core/msw';

export { DEFAULT_EDUCATION_BASE_URL };

export type EducationHandlersOptions<S extends SchoolRecord = SchoolRecord> = ApiHandlersOptions<EducationDataSource<S>, EducationBronOptions<S>>;

const msw = defineApiMsw<typeof educationApi, EducationDataSource, EducationBronOptions<SchoolRecord>>({
  registry: educationApi,
  defaultBaseUrl: DEFAULT_EDUCATION_BASE_URL,
  createBron: (source, options) => createEducationBron(source, options),
  seededSource: (seed) => {
    const world = createEducationWorld({ seed });
    return createInMemoryEducationSource(world.schools, world);
  },
});

/** MSW handlers that answer exactly like the eduvkit mock server's Education API. */
export function educationHandlers<S extends SchoolRecord = SchoolRecord>(options: EducationHandlersOptions<S> = {}): HttpHandler[] {
  return msw.handlers(options as unknown as EducationHandlersOptions);
}

/** A one-operation override for `server.use(...)`: answer with this status, body and headers. */
export const educationOverride = msw.override;
