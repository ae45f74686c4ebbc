import type { Product, ProductInfo } from '../generated/models';

/** One page of a list as the bron asks for it (defaults applied: start 0, limit 20). */
export interface ProductPage {
  start: number;
  limit: number;
  /** Only records changed at or after this moment (RFC 3339, compared with dateLastModified). */
  since?: string;
}

/**
 * What a bron needs to answer the Catalogue API: implement it over your own catalogue and
 * `createCatalogueBron` does the protocol. Lists must come back in one stable order (eduvkit's
 * in-memory source: dateLastModified, then productId) so paging sees every record once.
 */
export interface CatalogueDataSource {
  listProducts(page: ProductPage): readonly Product[] | Promise<readonly Product[]>;
  findProduct(productId: string): Product | undefined | Promise<Product | undefined>;
  listProductInfo(page: ProductPage): readonly ProductInfo[] | Promise<readonly ProductInfo[]>;
  findProductInfo(productId: string): ProductInfo | undefined | Promise<ProductInfo | undefined>;
}
