import { createBron, type Bron, type BronOptions } from '@eduvkit/core/server';
import { catalogueApi } from '../generated/registry';
import type { CatalogueDataSource, ProductPage } from './data-source';
import { CatalogueStatus, catalogueRefusal } from '../generated/status';

export type CatalogueBronOptions = Omit<BronOptions, 'schools' | 'authorize'>;

/** Edu-V's paging defaults (Kennisnet, Catalogue 0.9.x): without start and limit, the first 20. */
export const DEFAULT_PAGE_LIMIT = 20;

const pageOf = (query: { start?: number | undefined; limit?: number | undefined; since?: string | undefined }): ProductPage => ({
  start: query.start ?? 0,
  limit: query.limit ?? DEFAULT_PAGE_LIMIT,
  ...(query.since !== undefined ? { since: query.since } : {}),
});

const unknownProduct = (operationId: 'getProduct' | 'getProductInfo'): never => {
  throw catalogueRefusal(operationId, CatalogueStatus.ProductUnknown, 'no product with that productId in this catalogue');
};

/**
 * A complete Catalogue API bron over a data source: the mock server and the MSW handlers use
 * this. Catalogue data is the supplier's, so no school and no consent are involved; pass an
 * `authenticate` that admits anonymous callers to serve it openly, as Koppelpunt does.
 */
export function createCatalogueBron(source: CatalogueDataSource, options: CatalogueBronOptions = {}): Bron {
  return createBron(
    catalogueApi,
    {
      listProducts: ({ query }) => source.listProducts(pageOf(query)),
      getProduct: async ({ path }) => (await source.findProduct(path.id)) ?? unknownProduct('getProduct'),
      listProductInfo: ({ query }) => source.listProductInfo(pageOf(query)),
      getProductInfo: async ({ path }) => (await source.findProductInfo(path.id)) ?? unknownProduct('getProductInfo'),
    },
    options,
  );
}
