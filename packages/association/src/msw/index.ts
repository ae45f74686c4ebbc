import type { SchoolRecord } from '@eduvkit/core';
import { bronHandlers, overrideHandler, type OverrideReply } from '@eduvkit/core/msw';
import type { HttpHandler } from 'msw';
import { createAssociationBron, type AssociationBronOptions } from '../bron/create-association-bron';
import type { AssociationDataSource } from '../bron/data-source';
import { createInMemoryAssociationSource } from '../bron/in-memory-source';
import { createAssociationWorld } from '../fixtures/world';
import { associationApi } from '../generated/registry';

export type { OverrideReply } from '@eduvkit/core/msw';

/** Where the handlers answer unless told otherwise; point your client's baseUrl here. */
export const DEFAULT_ASSOCIATION_BASE_URL = 'https://bron.eduvkit.test/association-api/v1';

export interface AssociationHandlersOptions<S extends SchoolRecord = SchoolRecord> {
  /** Base URL including the major version; default DEFAULT_ASSOCIATION_BASE_URL. */
  baseUrl?: string;
  /** The data behind the handlers; default a seeded world (see `seed`). */
  source?: AssociationDataSource<S>;
  /** Seed of the default world (`createAssociationWorld`). Default 1. */
  seed?: number;
  /** Bron options, e.g. `authenticate` to check tokens or `authorize` to simulate consent. */
  bron?: AssociationBronOptions<S>;
}

/** MSW handlers that answer exactly like the eduvkit mock server's Association API. */
export function associationHandlers<S extends SchoolRecord = SchoolRecord>(options: AssociationHandlersOptions<S> = {}): HttpHandler[] {
  const baseUrl = options.baseUrl ?? DEFAULT_ASSOCIATION_BASE_URL;
  const source =
    options.source ??
    (() => {
      const world = createAssociationWorld({ seed: options.seed ?? 1 });
      return createInMemoryAssociationSource(world.schools, world.records) as unknown as AssociationDataSource<S>;
    })();
  const bron = createAssociationBron(source, { ...options.bron, basePath: new URL(baseUrl).pathname.replace(/\/+$/, '') });
  return bronHandlers(associationApi, bron, baseUrl);
}

/** A one-operation override for `server.use(...)`: answer with this status, body and headers. */
export function associationOverride(
  operationId: keyof typeof associationApi.operations,
  reply: OverrideReply,
  options: { baseUrl?: string } = {},
): HttpHandler {
  return overrideHandler(associationApi, operationId, reply, options.baseUrl ?? DEFAULT_ASSOCIATION_BASE_URL);
}
