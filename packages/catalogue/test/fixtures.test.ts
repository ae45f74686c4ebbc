import { checkEan13 } from '@eduvkit/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ProductInfoSchema, ProductSchema, productInfoOf } from '../src/index';
import { createCatalogueProducts } from '../src/fixtures/index';

describe('Catalogue fixtures', () => {
  it('map every product of any seed onto a Product the schema accepts, with its ProductInfo', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        for (const product of createCatalogueProducts({ seed, count: 60 })) {
          expect(ProductSchema.safeParse(product).error).toBeUndefined();
          expect(ProductInfoSchema.safeParse(productInfoOf(product)).error).toBeUndefined();
          expect(checkEan13(product.productId).ok).toBe(true);
        }
      }),
      { numRuns: 25 },
    );
  });

  it('keep the product ids of the shared range, with at least 200 products by default', () => {
    const products = createCatalogueProducts({ seed: 1 });
    expect(products.length).toBeGreaterThanOrEqual(200);
    expect(createCatalogueProducts({ seed: 1 })).toEqual(products);
    const digital = products.filter((product) => product.type !== 'physical');
    expect(digital.every((product) => product.defaultAccessUrl && product.productDescriptionIds?.length === 1 && product.licensePeriod)).toBe(true);
  });
});
