import { staticToken } from '@eduvkit/core';
import { serveNode, type NodeServer } from '@eduvkit/core/server/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCatalogueBron, createCatalogueClient, createInMemoryCatalogueSource, type Product } from '../src/index';
import { createCatalogueProducts } from '../src/fixtures/index';
import { collect } from './support/collect';

// A harvesting afnemer against a real HTTP bron on 127.0.0.1, which records the pages asked for.
const products = createCatalogueProducts({ seed: 3 });
const bron = createCatalogueBron(createInMemoryCatalogueSource(products), { dangerouslyAcceptAnyToken: true });
const requests: URL[] = [];
let gate: Promise<void> | undefined;
let server: NodeServer;

beforeAll(async () => {
  server = await serveNode(
    async (request) => {
      requests.push(new URL(request.url));
      await gate;
      return bron.answer(request);
    },
    { apiVersion: '2.0.0' },
  );
});
afterAll(() => server.close());
beforeEach(() => {
  requests.length = 0;
  gate = undefined;
});

const catalogue = () => createCatalogueClient({ baseUrl: `${server.url}/catalogue-api/v2`, tokenProvider: staticToken('t'), validation: 'strict' });
const pageQueries = () => requests.map((url) => Object.fromEntries(url.searchParams));
const newest = (list: readonly Product[]) =>
  list
    .map((product) => product.dateLastModified!)
    .sort()
    .at(-1)!;

describe('catalogue.products(): the paging iterator', () => {
  it('returns every product exactly once, following start/limit until a short page', async () => {
    const harvested = await collect(catalogue().products({ limit: 50 }));
    expect(harvested.map((product) => product.productId).sort()).toEqual(products.map((product) => product.productId).sort());
    expect(new Set(harvested.map((product) => product.productId)).size).toBe(products.length);
    const pages = Math.ceil(products.length / 50);
    expect(pageQueries()).toEqual(Array.from({ length: pages }, (_, index) => ({ start: String(index * 50), limit: '50' })));
  });

  it('asks one more page when the list ends exactly on a page boundary', async () => {
    const harvested = await collect(catalogue().products({ limit: products.length / 8 }));
    expect(harvested).toHaveLength(products.length);
    expect(requests).toHaveLength(9);
  });

  it('resumes from since: the next harvest gets only what changed at or after the newest change seen', async () => {
    const harvest = catalogue().products();
    await collect(harvest);
    expect(harvest.newestModified).toBe(newest(products));
    requests.length = 0;
    const changed = await collect(catalogue().products({ since: '2025-06-01T00:00:00Z' }));
    const expected = products.filter((product) => product.dateLastModified! >= '2025-06-01T00:00:00Z');
    expect(changed.map((product) => product.productId).sort()).toEqual(expected.map((product) => product.productId).sort());
    expect(pageQueries()[0]).toEqual({ start: '0', limit: '100', since: '2025-06-01T00:00:00Z' });
    const again = await collect(catalogue().products({ since: harvest.newestModified! }));
    expect(again.map((product) => product.dateLastModified)).toEqual(again.map(() => harvest.newestModified));
  });

  it('stops cleanly on abort: the request in flight is cancelled, the loop rejects, nothing more is asked', async () => {
    const controller = new AbortController();
    const harvest = catalogue().products({ limit: 20 }, { signal: controller.signal });
    const seen: Product[] = [];
    let release!: () => void;
    const outcome = (async () => {
      for await (const product of harvest) {
        seen.push(product);
        if (seen.length === 40) gate = new Promise((resolve) => (release = resolve));
      }
    })();
    await expect.poll(() => requests.length).toBe(3);
    controller.abort();
    await expect(outcome).rejects.toMatchObject({ name: 'AbortError' });
    release();
    expect(seen).toHaveLength(40);
    expect(requests).toHaveLength(3);
    expect(harvest.newestModified).toBe(newest(seen));
  });

  it('does not start when the signal is already aborted', async () => {
    const harvest = catalogue().products({}, { signal: AbortSignal.abort() });
    await expect(collect(harvest)).rejects.toMatchObject({ name: 'AbortError' });
    expect(requests).toHaveLength(0);
  });
});
