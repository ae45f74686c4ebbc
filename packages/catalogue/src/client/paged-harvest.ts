import type { EduvResponse } from '@eduvkit/core';

/** What a harvest asks for: everything, or what changed since a moment; where to start, how many per page. */
export interface HarvestQuery {
  /** Only records changed at or after this RFC 3339 moment: pass a previous harvest's `newestModified`. */
  since?: string;
  /** Index of the first record; default 0. */
  start?: number;
  /** Records per page, 1–100; default 100 (the most Edu-V allows: fewest round trips). */
  limit?: number;
}

export interface PageRequest {
  start: number;
  limit: number;
  since?: string;
}

/** An async iterator over every record of a paged list; each `for await` walks the list anew. */
export interface Harvest<T> extends AsyncIterable<T> {
  /** The same walk a page at a time, as the bron answered each page. */
  pages(): AsyncIterable<EduvResponse<T[]>>;
  /** The newest `dateLastModified` seen so far (also after an abort): the `since` of the next harvest. */
  readonly newestModified: string | undefined;
}

export const DEFAULT_HARVEST_LIMIT = 100;

type Dated = { readonly dateLastModified?: string };

/**
 * Follows `start`/`limit` until a page is shorter than `limit`. Tolerates brons that ignore the
 * paging parameters: a page longer than `limit` is taken as the whole list, and a page that starts
 * with the same record as the page before means the bron ignores `start`, so the walk ends there.
 */
export function pagedHarvest<T extends Dated>(
  fetchPage: (page: PageRequest) => Promise<EduvResponse<T[]>>,
  query: HarvestQuery,
  firstKey: (record: NoInfer<T>) => string,
): Harvest<T> {
  const limit = query.limit ?? DEFAULT_HARVEST_LIMIT;
  let newestModified: string | undefined;

  async function* pages(): AsyncGenerator<EduvResponse<T[]>> {
    let start = query.start ?? 0;
    let previousFirst: string | undefined;
    for (;;) {
      const page = await fetchPage({ start, limit, ...(query.since !== undefined ? { since: query.since } : {}) });
      const first = page.data[0];
      if (first !== undefined && previousFirst !== undefined && firstKey(first) === previousFirst) return;
      for (const record of page.data) {
        if (record.dateLastModified !== undefined && (newestModified === undefined || record.dateLastModified > newestModified)) {
          newestModified = record.dateLastModified;
        }
      }
      yield page;
      if (page.data.length !== limit || first === undefined) return;
      previousFirst = firstKey(first);
      start += limit;
    }
  }

  return {
    pages,
    async *[Symbol.asyncIterator]() {
      for await (const page of pages()) yield* page.data;
    },
    get newestModified() {
      return newestModified;
    },
  };
}
