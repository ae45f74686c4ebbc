import { staticToken } from '@eduvkit/core';
import { serveNode, type NodeServer } from '@eduvkit/core/server/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anonymousCaller,
  createCatalogueAggregator,
  createCatalogueBron,
  createCatalogueClient,
  createInMemoryCatalogueSource,
  type Product,
} from '../src/index';
import { createCatalogueProducts } from '../src/fixtures/index';
import { collect } from './support/collect';

// Two suppliers' catalogues and the overarching one, each a real HTTP server on 127.0.0.1.
const lindehout = createCatalogueProducts({ seed: 11, count: 90 });
const polderpers = createCatalogueProducts({ seed: 12, count: 130 });
const servers: NodeServer[] = [];
const serve = async (bron: ReturnType<typeof createCatalogueBron>) => {
  const server = await serveNode((request) => bron.answer(request), { apiVersion: '2.0.0' });
  servers.push(server);
  return `${server.url}/catalogue-api/v2`;
};
const supplierUrls: string[] = [];
beforeAll(async () => {
  for (const products of [lindehout, polderpers])
    supplierUrls.push(await serve(createCatalogueBron(createInMemoryCatalogueSource(products), { dangerouslyAcceptAnyToken: true })));
});
afterAll(() => Promise.all(servers.map((server) => server.close())));

const client = (baseUrl: string) => createCatalogueClient({ baseUrl, tokenProvider: staticToken('aggregator'), retry: false });
const ids = (products: readonly Product[]) => new Set(products.map((product) => product.productId));
const newest = (products: readonly Product[]) =>
  products
    .map((product) => product.dateLastModified!)
    .sort()
    .at(-1)!;

describe('createCatalogueAggregator: a Koppelpunt-style overarching catalogue', () => {
  it('harvests every supplier, then serves the union without authentication, paged like a supplier', async () => {
    const aggregator = createCatalogueAggregator({
      suppliers: [
        { name: 'lindehout', client: client(supplierUrls[0]!) },
        { name: 'polderpers', client: client(supplierUrls[1]!) },
      ],
    });
    expect(await aggregator.harvest()).toEqual([
      { name: 'lindehout', received: 90 },
      { name: 'polderpers', received: 130 },
    ]);
    expect(aggregator.cursors).toEqual(
      new Map([
        ['lindehout', newest(lindehout)],
        ['polderpers', newest(polderpers)],
      ]),
    );

    const union = new Set([...ids(lindehout), ...ids(polderpers)]);
    const overarching = await serve(createCatalogueBron(aggregator.source, { authenticate: anonymousCaller }));
    const anonymous = createCatalogueClient({ baseUrl: overarching });
    const served = await collect(anonymous.products({ limit: 50 }));
    expect(served).toHaveLength(union.size);
    expect(ids(served)).toEqual(union);
    expect((await fetch(`${overarching}/products?limit=5`)).status).toBe(200);

    const again = await aggregator.harvest();
    expect(again.map((run) => run.received)).toEqual([
      lindehout.filter((product) => product.dateLastModified === newest(lindehout)).length,
      polderpers.filter((product) => product.dateLastModified === newest(polderpers)).length,
    ]);
    expect(aggregator.size).toBe(union.size);
  });

  it('keeps harvesting the others when one supplier fails, and keeps what it has', async () => {
    const aggregator = createCatalogueAggregator({
      suppliers: [
        { name: 'gone', client: client('http://127.0.0.1:9/catalogue-api/v2') },
        { name: 'lindehout', client: client(supplierUrls[0]!) },
      ],
    });
    const [gone, lindehoutRun] = await aggregator.harvest();
    expect(gone).toMatchObject({ name: 'gone', received: 0, error: expect.anything() });
    expect(lindehoutRun).toEqual({ name: 'lindehout', received: 90 });
    expect(aggregator.cursors.has('gone')).toBe(false);
  });
});
