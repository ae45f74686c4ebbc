import { EduvApiError, staticToken } from '@eduvkit/core';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCatalogueClient, productInfoOf } from '../src/index';
import { createCatalogueProducts } from '../src/fixtures/index';
import { collect } from './support/collect';
import { DEFAULT_CATALOGUE_BASE_URL, catalogueHandlers, catalogueOverride } from '../src/msw/index';

// A consumer's test: the supplier's harvester under test talks to "the catalogue", MSW answers.
const server = setupServer(...catalogueHandlers({ seed: 4 }));
const products = createCatalogueProducts({ seed: 4 });
let requests = 0;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => (requests = 0));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());
server.events.on('request:start', () => void requests++);

const catalogue = createCatalogueClient({ baseUrl: DEFAULT_CATALOGUE_BASE_URL, tokenProvider: staticToken('test-token'), validation: 'strict' });
const get = (path: string) => fetch(`${DEFAULT_CATALOGUE_BASE_URL}${path}`, { headers: { authorization: 'Bearer t' } });

describe('Catalogue MSW handlers', () => {
  it('serve the seeded product range, every product once', async () => {
    const harvested = await collect(catalogue.products());
    expect(harvested).toHaveLength(products.length);
    expect(new Set(harvested.map((product) => product.productId))).toEqual(new Set(products.map((product) => product.productId)));
  });

  it('answer the first 20 without start and limit, as Edu-V prescribes', async () => {
    const response = await get('/products');
    expect(response.headers.get('api-version')).toBe('2.0.0');
    expect((await response.json()) as unknown[]).toHaveLength(20);
  });

  it.each([
    ['start=-1', 'start'],
    ['start=one', 'start'],
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['limit=2.5', 'limit'],
    ['since=yesterday', 'since'],
  ])('refuse %s with 400 / 0011 naming the parameter', async (query, name) => {
    const response = await get(`/products?${query}`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ status: 11, statusMessage: expect.stringContaining(name) });
    const info = await get(`/productinfo?${query}`);
    expect(info.status).toBe(400);
  });

  it('answer one product and its ProductInfo by id', async () => {
    const product = products[17]!;
    expect((await catalogue.getProduct(product.productId)).data).toEqual(product);
    expect((await catalogue.getProductInfo(product.productId)).data).toEqual(productInfoOf(product));
  });

  it('answer an unknown product id with 404 / 2020', async () => {
    for (const call of [() => catalogue.getProduct('9780000000002'), () => catalogue.getProductInfo('9780000000002')]) {
      const error = await call().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(EduvApiError);
      expect(error).toMatchObject({ httpStatus: 404, eduvStatusCode: '2020' });
    }
  });

  it('let the client normalise a bron that spells statuses with underscores', async () => {
    server.use(catalogueOverride('getProduct', { status: 200, body: { productId: '1', status: 'not_yet_available' } }));
    expect((await catalogue.getProduct('1')).data.status).toBe('not-yet-available');
  });
});

describe('the paging iterator against brons that ignore paging', () => {
  it('takes a page longer than limit as the whole list', async () => {
    server.use(catalogueOverride('listProducts', { status: 200, body: products.slice(0, 150) }));
    expect(await collect(catalogue.products({ limit: 100 }))).toHaveLength(150);
    expect(requests).toBe(1);
  });

  it('stops when the next page starts with the same product (start ignored)', async () => {
    server.use(catalogueOverride('listProducts', { status: 200, body: products.slice(0, 100) }));
    expect(await collect(catalogue.products())).toHaveLength(100);
    expect(requests).toBe(2);
  });
});
