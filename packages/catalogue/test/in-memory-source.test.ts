import { describe, expect, it } from 'vitest';
import { createInMemoryCatalogueSource, type Product } from '../src/index';

const product = (productId: string, dateLastModified?: string): Product => ({ productId, ...(dateLastModified ? { dateLastModified } : {}) });

describe('createInMemoryCatalogueSource: pages in harvest order', () => {
  const source = createInMemoryCatalogueSource([
    product('c', '2025-05-01T10:00:00.5Z'),
    product('b', '2025-05-01T10:00:00Z'),
    product('a', '2025-05-01T10:00:00Z'),
    product('z'),
    product('d', '2025-06-01T00:00:00Z'),
  ]);
  const page = (start: number, limit: number, since?: string) =>
    (source.listProducts({ start, limit, ...(since ? { since } : {}) }) as Product[]).map((record) => record.productId);

  it('orders by change time, also across fraction digits, then productId; no change time first', () => {
    expect(page(0, 10)).toEqual(['z', 'a', 'b', 'c', 'd']);
    expect([...page(0, 2), ...page(2, 2), ...page(4, 2)]).toEqual(['z', 'a', 'b', 'c', 'd']);
  });

  it('takes since as "changed at or after", and pages within it', () => {
    expect(page(0, 10, '2025-05-01T10:00:00Z')).toEqual(['a', 'b', 'c', 'd']);
    expect(page(0, 10, '2025-05-01T10:00:00.1Z')).toEqual(['c', 'd']);
    expect(page(1, 1, '2025-05-01T10:00:00Z')).toEqual(['b']);
    expect(page(0, 10, '2026-01-01T00:00:00Z')).toEqual([]);
  });
});
