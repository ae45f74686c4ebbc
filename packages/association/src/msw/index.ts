import type { SchoolRecord } from '@eduvkit/core';
import { defineApiMsw, type ApiHandlersOptions } from '@eduvkit/core/msw';
import type { HttpHandler } from 'msw';
import { createAssociationBron, type AssociationBronOptions } from '../bron/create-association-bron';
import type { AssociationDataSource } from '../bron/data-source';
import { createInMemoryAssociationSource } from '../bron/in-memory-source';
import { createAssociationWorld } from '../fixtures/world';
import { associationApi } from '../generated/registry';
import { DEFAULT_ASSOCIATION_BASE_URL } from '../generated/base-url';

export type { OverrideReply } from '@eduvkit/core/msw';

export { DEFAULT_ASSOCIATION_BASE_URL };

export type AssociationHandlersOptions<S extends SchoolRecord = SchoolRecord> = ApiHandlersOptions<AssociationDataSource<S>, AssociationBronOptions<S>>;

const msw = defineApiMsw<typeof associationApi, AssociationDataSource, AssociationBronOptions<SchoolRecord>>({
  registry: associationApi,
  defaultBaseUrl: DEFAULT_ASSOCIATION_BASE_URL,
  createBron: (source, options) => createAssociationBron(source, options),
  seededSource: (seed) => {
    const world = createAssociationWorld({ seed });
    return createInMemoryAssociationSource(world.schools, world.records);
  },
});

/** MSW handlers that answer exactly like the eduvkit mock server's Association API. */
export function associationHandlers<S extends SchoolRecord = SchoolRecord>(options: AssociationHandlersOptions<S> = {}): HttpHandler[] {
  return msw.handlers(options as unknown as AssociationHandlersOptions);
}

/** A one-operation override for `server.use(...)`: answer with this status, body and headers. */
export const associationOverride = msw.override;
