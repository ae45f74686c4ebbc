import { createCatalogueProducts } from '../fixtures/products';
import type { CatalogueDataSource } from './data-source';
import { createInMemoryCatalogueSource } from './in-memory-source';

/** The seeded products in memory: what the MSW handlers serve when a test passes no source. */
export function createSeededCatalogueSource(seed: number): CatalogueDataSource {
  return createInMemoryCatalogueSource(createCatalogueProducts({ seed }));
}
