import type { Product, ProductInfo } from '../generated/models';
import { productInfoOf } from '../product-info';
import type { CatalogueDataSource, ProductPage } from './data-source';

type Dated = { readonly productId: string; readonly dateLastModified?: string };

/** When a record last changed, in ms; a record without a (readable) change time counts as oldest. */
const changedAt = (record: Dated): number => {
  const time = record.dateLastModified === undefined ? Number.NaN : Date.parse(record.dateLastModified);
  return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
};

/** The harvest order: oldest change first (by time, whatever the fraction digits), then productId, so pages never overlap or skip. */
const harvestOrder = (a: Dated, b: Dated): number => changedAt(a) - changedAt(b) || (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0);

/** Index of the first record changed at or after `since` (records are in harvest order). */
function firstChangedAt(records: readonly Dated[], since: string): number {
  const moment = Date.parse(since);
  let low = 0;
  let high = records.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (changedAt(records[middle]!) < moment) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Pages are cut once per (since, start, limit) and kept, so the bron can cache their answers; bounded against odd paging. */
const MAX_CACHED_PAGES = 512;

class PagedList<T extends Dated> {
  private readonly sorted: readonly T[];
  private readonly byId: ReadonlyMap<string, T>;
  private readonly pages = new Map<string, readonly T[]>();

  constructor(records: readonly T[]) {
    this.sorted = [...records].sort(harvestOrder);
    this.byId = new Map(records.map((record) => [record.productId, record]));
  }

  page({ start, limit, since }: ProductPage): readonly T[] {
    const key = `${since ?? ''}|${start}|${limit}`;
    let page = this.pages.get(key);
    if (!page) {
      const from = (since === undefined ? 0 : firstChangedAt(this.sorted, since)) + start;
      page = this.sorted.slice(from, from + limit);
      if (this.pages.size >= MAX_CACHED_PAGES) this.pages.delete(this.pages.keys().next().value!);
      this.pages.set(key, page);
    }
    return page;
  }

  find(productId: string): T | undefined {
    return this.byId.get(productId);
  }
}

/**
 * A Catalogue data source over products held in memory (the mock server's world, MSW tests).
 * ProductInfo is derived from each Product unless given; the records are treated as immutable.
 */
export function createInMemoryCatalogueSource(
  products: readonly Product[],
  productInfo: readonly ProductInfo[] = products.map(productInfoOf),
): CatalogueDataSource {
  const productList = new PagedList(products);
  const infoList = new PagedList(productInfo);
  return {
    listProducts: (page) => productList.page(page),
    findProduct: (productId) => productList.find(productId),
    listProductInfo: (page) => infoList.page(page),
    findProductInfo: (productId) => infoList.find(productId),
  };
}
