import { createApiClient, type ApiClientOptions, type CallOptions, type EduvResponse } from '@eduvkit/core';
import type { Product, ProductInfo, ProductStatus } from './generated/models';
import { catalogueApi } from './generated/registry';
import { pagedHarvest, type Harvest, type HarvestQuery } from './client/paged-harvest';
import { withHyphenStatus } from './product-status';

export type CatalogueRequestOptions = Pick<CallOptions, 'signal' | 'timeoutMs' | 'headers'>;

/** A Product as the client hands it out: its status always in the hyphen spelling. */
export type CatalogueProduct = Product & { status?: ProductStatus };
export type CatalogueProductInfo = ProductInfo & { status?: ProductStatus };

export interface CatalogueClient {
  /**
   * `GET /products`, every page: `for await (const product of catalogue.products({ since }))`.
   * `options.signal` aborts the walk: the request in flight is cancelled and the loop rejects
   * with the abort reason; `newestModified` keeps what was seen, to resume from.
   */
  products(query?: HarvestQuery, options?: CatalogueRequestOptions): Harvest<CatalogueProduct>;
  /** `GET /products/{id}`: one product; unknown → EduvApiError 404 / 2020. */
  getProduct(productId: string, options?: CatalogueRequestOptions): Promise<EduvResponse<CatalogueProduct>>;
  /** `GET /productinfo`, every page, like `products`. */
  productInfo(query?: HarvestQuery, options?: CatalogueRequestOptions): Harvest<CatalogueProductInfo>;
  /** `GET /productinfo/{id}`: one product's display record; unknown → EduvApiError 404 / 2020. */
  getProductInfo(productId: string, options?: CatalogueRequestOptions): Promise<EduvResponse<CatalogueProductInfo>>;
}

const normalised = <T extends Product | ProductInfo>(response: EduvResponse<T>): EduvResponse<T & { status?: ProductStatus }> => ({
  ...response,
  data: withHyphenStatus(response.data),
});

const normalisedPage = <T extends Product | ProductInfo>(response: EduvResponse<T[]>): EduvResponse<(T & { status?: ProductStatus })[]> => ({
  ...response,
  data: response.data.map(withHyphenStatus),
});

const byProductId = (record: { productId: string }): string => record.productId;

/** Client for the calling roles (afnemers) of the Catalogue API. */
export function createCatalogueClient(options: ApiClientOptions): CatalogueClient {
  const client = createApiClient(catalogueApi, options);
  return {
    products(query = {}, request = {}) {
      return pagedHarvest((page) => client.call('listProducts', { ...request, query: page }).then(normalisedPage), query, byProductId);
    },
    async getProduct(productId, request = {}) {
      return normalised(await client.call('getProduct', { ...request, path: { id: productId } }));
    },
    productInfo(query = {}, request = {}) {
      return pagedHarvest((page) => client.call('listProductInfo', { ...request, query: page }).then(normalisedPage), query, byProductId);
    },
    async getProductInfo(productId, request = {}) {
      return normalised(await client.call('getProductInfo', { ...request, path: { id: productId } }));
    },
  };
}
