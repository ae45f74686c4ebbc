import { defineApiMsw, type ApiHandlersOptions } from '@eduvkit/core/msw';
import type { HttpHandler } from 'msw';
import { createCatalogueBron, type CatalogueBronOptions } from '../bron/create-catalogue-bron';
import type { CatalogueDataSource } from '../bron/data-source';
import { createInMemoryCatalogueSource } from '../bron/in-memory-source';
import { createCatalogueProducts } from '../fixtures/products';
import { catalogueApi } from '../generated/registry';
import { DEFAULT_CATALOGUE_BASE_URL } from '../generated/base-url';

export type { OverrideReply } from '@eduvkit/core/msw';

export { DEFAULT_CATALOGUE_BASE_URL };

export type CatalogueHandlersOptions = ApiHandlersOptions<CatalogueDataSource, CatalogueBronOptions>;

const msw = defineApiMsw<typeof catalogueApi, CatalogueDataSource, CatalogueBronOptions>({
  registry: catalogueApi,
  defaultBaseUrl: DEFAULT_CATALOGUE_BASE_URL,
  createBron: (source, options) => createCatalogueBron(source, options),
  seededSource: (seed) => createInMemoryCatalogueSource(createCatalogueProducts({ seed })),
});

/** MSW handlers that answer exactly like the eduvkit mock server's Catalogue API. */
export function catalogueHandlers(options: CatalogueHandlersOptions = {}): HttpHandler[] {
  return msw.handlers(options);
}

/** A one-operation override for `server.use(...)`: answer with this status, body and headers. */
export const catalogueOverride = msw.override;
