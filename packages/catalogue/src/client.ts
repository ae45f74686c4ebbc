import { type ApiClientOptions, type CallOptions, type EduvResponse } from '@eduvkit/core';
import type { Product, ProductInfo, ProductStatus } from './generated/models';
import { createCatalogueMethods } from './generated/client';
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
  const methods = createCatalogueMethods(options);
  return {
    products: (query = {}, request = {}) => pagedHarvest((page) => methods.products(page, request).then(normalisedPage), query, byProductId),
    getProduct: async (productId, request = {}) => normalised(await methods.getProduct(productId, request)),
    productInfo: (query = {}, request = {}) => pagedHarvest((page) => methods.productInfo(page, request).then(normalisedPage), query, byProductId),
    getProductInfo: async (productId, request = {}) => normalised(await methods.getProductInfo(productId, request)),
  };
}
