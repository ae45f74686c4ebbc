import type { TokenProvider } from '@eduvkit/core';
import { createCatalogueClient, type CatalogueProduct } from '@eduvkit/catalogue';

export interface MirrorOptions {
  /** Catalogue API base URL, e.g. http://127.0.0.1:4010/catalogue-api/v2 */
  baseUrl: string;
  tokenProvider: TokenProvider;
}

export interface HarvestRun {
  /** Products the catalogue sent (a resumed run repeats the ones of the newest second). */
  received: number;
  added: number;
  changed: number;
  /** The `since` of the next run. */
  since: string | undefined;
}

/**
 * What a selectieomgeving keeps of a supplier's catalogue: every product by id, and the moment to
 * harvest from next time. The first run takes everything; later runs only what changed. Keep
 * `since` with the copy (here in memory) so a restart continues where the last run got to.
 */
export class CatalogueMirror {
  readonly products = new Map<string, CatalogueProduct>();
  since: string | undefined;

  constructor(private readonly options: MirrorOptions) {}

  /** One harvest: upserts what the catalogue sends. With `signal` it stops early; what arrived is kept. */
  async harvest(signal?: AbortSignal): Promise<HarvestRun> {
    const catalogue = createCatalogueClient({ baseUrl: this.options.baseUrl, tokenProvider: this.options.tokenProvider, validation: 'strict' });
    const harvest = catalogue.products(this.since === undefined ? {} : { since: this.since }, signal ? { signal } : {});
    const run: HarvestRun = { received: 0, added: 0, changed: 0, since: this.since };
    try {
      for await (const product of harvest) {
        const known = this.products.get(product.productId);
        run.received++;
        if (!known) run.added++;
        else if (known.dateLastModified !== product.dateLastModified) run.changed++;
        this.products.set(product.productId, product);
      }
    } finally {
      // Also after an abort: every product up to the newest change seen is in the copy.
      this.since = harvest.newestModified ?? this.since;
      run.since = this.since;
    }
    return run;
  }

  /** The products a school could select now: available (or announced) and for sale. */
  selectable(): CatalogueProduct[] {
    return [...this.products.values()].filter(
      (product) => product.forSale !== false && (product.status === 'available' || product.status === 'limited-available'),
    );
  }
}
