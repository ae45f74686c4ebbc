import { describe, expect, it } from 'vitest';
import { EduvConfigError } from '../src/errors';
import { DEFAULT_PRODUCT_COUNT, FIXTURE_PUBLISHERS, createProducts, poStudyCode, voStudyCode } from '../src/fixtures/index';
import { checkEan13, checkIsbn13 } from '../src/identifiers';

describe('the shared product range', () => {
  const products = createProducts({ seed: 1 });

  it('holds at least 200 products at the default size, each id unique', () => {
    expect(DEFAULT_PRODUCT_COUNT).toBeGreaterThanOrEqual(200);
    expect(products).toHaveLength(DEFAULT_PRODUCT_COUNT);
    expect(new Set(products.map((product) => product.productId)).size).toBe(products.length);
  });

  it('gives every product an EAN-13 with a valid check digit, ISBN-13 for printed material', () => {
    for (const product of createProducts({ seed: 7, count: 1000 })) {
      expect(checkEan13(product.productId), product.productId).toEqual({ ok: true });
      if (product.type === 'physical') expect(checkIsbn13(product.productId), product.productId).toEqual({ ok: true });
    }
  });

  it('is the same for the same seed and differs for another; a larger count keeps the first products', () => {
    expect(createProducts({ seed: 1 })).toEqual(products);
    expect(createProducts({ seed: 2 }).map((product) => product.productId)).not.toEqual(products.map((product) => product.productId));
    expect(createProducts({ seed: 1, count: 600 }).slice(0, products.length)).toEqual(products);
  });

  it('mixes po and vo methods, physical, digital and combi, from several publishers', () => {
    expect(new Set(products.map((product) => product.track))).toEqual(new Set(['po', 'vmbo-t', 'havo', 'vwo']));
    expect(new Set(products.map((product) => product.type))).toEqual(new Set(['physical', 'digital', 'combi']));
    expect(new Set(products.map((product) => product.publisher)).size).toBeGreaterThanOrEqual(3);
    for (const product of products) expect(FIXTURE_PUBLISHERS.map((publisher) => publisher.name)).toContain(product.publisher);
    expect(products.some((product) => product.name.startsWith('Rekenroute groep 5'))).toBe(true);
  });

  it('names the study code of the school fixtures for its groep or leerjaar', () => {
    for (const product of products) {
      expect(product.studyCode).toBe(product.track === 'po' ? poStudyCode(product.year) : voStudyCode(product.track, product.year));
    }
  });

  it('gives digital and combi products a licence period, access URL and course; combis bundle existing products', () => {
    const byId = new Map(products.map((product) => [product.productId, product]));
    for (const product of products) {
      if (product.type === 'physical') {
        expect(product.courseId).toBeUndefined();
        continue;
      }
      expect(product.licencePeriod).toBeDefined();
      expect(product.accessUrl).toMatch(/^https:\/\//);
      expect(product.courseId).toMatch(/^[0-9a-f-]{36}$/);
      if (product.type === 'combi') {
        const parts = product.bundledProductIds!.map((id) => byId.get(id));
        expect(parts.map((part) => part?.type)).toEqual(['physical', 'digital']);
        expect(parts[1]!.courseId).toBe(product.courseId);
      }
    }
  });

  it('prices include 9% VAT, and no record changed after the reference instant', () => {
    for (const product of products) {
      for (const price of product.prices) expect(price.priceIncl).toBeCloseTo(price.priceExcl * 1.09, 1);
      expect(product.dateLastModified < '2025-09-01T00:00:00Z').toBe(true);
    }
  });

  it('refuses a negative count', () => {
    expect(() => createProducts({ seed: 1, count: -1 })).toThrow(EduvConfigError);
    expect(() => createProducts({ seed: 1, count: -1 })).toThrow('createProducts(): count must be a non-negative integer, got -1');
  });
});
