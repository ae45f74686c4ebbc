import type { CallerContext } from '@eduvkit/core/server';
import type { CatalogueDataSource } from '../bron/data-source';
import { createInMemoryCatalogueSource } from '../bron/in-memory-source';
import type { CatalogueClient } from '../client';
import type { Product } from '../generated/models';

/** One supplier's catalogue, as the aggregator harvests it. */
export interface SupplierCatalogue {
  /** A name of your choice, the key of its cursor. */
  readonly name: string;
  /** A client for the supplier's Catalogue API (with that supplier's token provider, if it wants one). */
  readonly client: CatalogueClient;
}

export interface SupplierHarvest {
  readonly name: string;
  /** Products received in this run (a resumed run repeats the newest second's). */
  readonly received: number;
  /** Set when the supplier could not be harvested completely; what arrived is kept, the cursor stands at it. */
  readonly error?: unknown;
}

export interface CatalogueAggregatorOptions {
  readonly suppliers: readonly SupplierCatalogue[];
  /** `since` per supplier name from an earlier run (persist `cursors` after each harvest). */
  readonly cursors?: ReadonlyMap<string, string>;
  /** Products from an earlier run, to continue from. */
  readonly products?: readonly Product[];
}

export interface CatalogueAggregator {
  /** Harvests every supplier in turn, incrementally after the first run; one supplier's failure does not stop the others. */
  harvest(signal?: AbortSignal): Promise<SupplierHarvest[]>;
  /** The union of every supplier's products, to serve with `createCatalogueBron` (e.g. with `authenticate: anonymousCaller`). */
  readonly source: CatalogueDataSource;
  /** The newest change seen per supplier: each one's `since` next time. */
  readonly cursors: ReadonlyMap<string, string>;
  readonly size: number;
}

/** An `authenticate` option that admits every caller, as Koppelpunt serves its catalogue without authentication. */
export const anonymousCaller = (): CallerContext => ({ scopes: 'all' });

/**
 * An overarching catalogue (Overkoepelende leermiddelencatalogus) in the style of Kennisnet's
 * Koppelpunt: it harvests each supplier's `GET /products` with the paging iterator (incrementally
 * with a `since` per supplier), keeps the records as delivered, keyed by productId, and serves the
 * union under the same Catalogue API.
 */
export function createCatalogueAggregator(options: CatalogueAggregatorOptions): CatalogueAggregator {
  const products = new Map((options.products ?? []).map((product) => [product.productId, product]));
  const cursors = new Map(options.cursors ?? []);
  let served = createInMemoryCatalogueSource([...products.values()]);

  async function harvestOne(supplier: SupplierCatalogue, signal: AbortSignal | undefined): Promise<SupplierHarvest> {
    const since = cursors.get(supplier.name);
    const harvest = supplier.client.products(since === undefined ? {} : { since }, signal ? { signal } : {});
    let received = 0;
    try {
      for await (const product of harvest) {
        products.set(product.productId, product);
        received++;
      }
      return { name: supplier.name, received };
    } catch (error) {
      return { name: supplier.name, received, error };
    } finally {
      if (harvest.newestModified !== undefined) cursors.set(supplier.name, harvest.newestModified);
    }
  }

  return {
    async harvest(signal) {
      const results: SupplierHarvest[] = [];
      for (const supplier of options.suppliers) {
        if (signal?.aborted) break;
        results.push(await harvestOne(supplier, signal));
      }
      served = createInMemoryCatalogueSource([...products.values()]);
      return results;
    },
    source: {
      listProducts: (page) => served.listProducts(page),
      findProduct: (productId) => served.findProduct(productId),
      listProductInfo: (page) => served.listProductInfo(page),
      findProductInfo: (productId) => served.findProductInfo(productId),
    },
    cursors,
    get size() {
      return products.size;
    },
  };
}
