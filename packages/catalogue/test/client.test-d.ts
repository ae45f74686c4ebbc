import { createApiClient, type EduvResponse } from '@eduvkit/core';
import { describe, expectTypeOf, it } from 'vitest';
import { createCatalogueClient, type CatalogueProduct, type Harvest, type Product, type ProductInfo, type ProductStatus } from '../src';
import { catalogueApi } from '../src/generated/registry';

const client = createApiClient(catalogueApi, { baseUrl: 'https://bron.example/catalogue-api/v2' });

describe('Catalogue call() is typed from its spec', () => {
  it('answers each operation with the type of its success response', () => {
    expectTypeOf(client.call('listProducts', { query: { start: 0, limit: 100 } })).resolves.toEqualTypeOf<EduvResponse<Product[]>>();
    expectTypeOf(client.call('getProduct', { path: { id: '9789041708743' } })).resolves.toEqualTypeOf<EduvResponse<Product>>();
    expectTypeOf(client.call('listProductInfo')).resolves.toEqualTypeOf<EduvResponse<ProductInfo[]>>();
  });

  it('refuses a query key, path parameter or wrong parameter type the spec does not have', () => {
    // @ts-expect-error: paging is start/limit, not offset
    client.call('listProducts', { query: { offset: 20 } });
    // @ts-expect-error: limit is a number
    client.call('listProducts', { query: { limit: '20' } });
    // @ts-expect-error: getProduct needs the product id in the path
    client.call('getProduct');
    // @ts-expect-error: the path parameter is id
    client.call('getProduct', { path: { productId: '9789041708743' } });
  });

  it('refuses a wrong use of the response', async () => {
    const { data } = await client.call('getProduct', { path: { id: 'x' } });
    expectTypeOf(data.productId).toEqualTypeOf<string>();
    expectTypeOf(data.type).toEqualTypeOf<'physical' | 'digital' | 'combi' | undefined>();
    // @ts-expect-error: productId is a string
    const id: number = data.productId;
    void id;
  });

  it('hands out products with the hyphen status and harvests through an async iterator', async () => {
    const catalogue = createCatalogueClient({ baseUrl: 'https://bron.example/catalogue-api/v2' });
    expectTypeOf(catalogue.products({ since: '2025-01-01T00:00:00Z' })).toEqualTypeOf<Harvest<CatalogueProduct>>();
    for await (const product of catalogue.products()) {
      expectTypeOf(product.status).toEqualTypeOf<ProductStatus | undefined>();
    }
    // @ts-expect-error: since is an RFC 3339 string, not a Date
    catalogue.products({ since: new Date() });
    expectTypeOf(catalogue.products().newestModified).toEqualTypeOf<string | undefined>();
  });
});
