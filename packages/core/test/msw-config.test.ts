import { afterAll, describe, expect, it } from 'vitest';
import { EduvConfigError } from '../src/errors';
import { createInMemoryExchangeStore, createVerzender } from '../src/exchange';
import { defineApiMsw } from '../src/msw';
import { orderApi } from './support/exchange-api';
import { authenticateByToken, FAST } from './support/exchange-harness';

const verzender = createVerzender({
  registry: orderApi,
  store: createInMemoryExchangeStore(),
  baseUrl: 'https://ordersysteem.test/order-api/v0',
  authorization: () => 't',
  authenticate: authenticateByToken,
  ...FAST,
});
afterAll(() => verzender.close());

const basePaths: string[] = [];
const orderMsw = defineApiMsw({
  registry: orderApi,
  defaultBaseUrl: 'https://bestelomgeving.test/order-api/v0',
  createBron: (_source: undefined, options: { basePath: string }) => {
    basePaths.push(options.basePath);
    return verzender;
  },
  seededSource: () => undefined,
});

describe("an API's MSW entry refuses options it cannot serve", () => {
  it('answers under the path of an absolute baseUrl', () => {
    expect(orderMsw.handlers({ baseUrl: 'https://elsewhere.test/order-api/v0/' })).toHaveLength(Object.keys(orderApi.operations).length);
    expect(basePaths).toEqual(['/order-api/v0']);
  });

  it('refuses a baseUrl that is not absolute', () => {
    expect(() => orderMsw.handlers({ baseUrl: '/order-api/v0' })).toThrow(EduvConfigError);
    expect(() => orderMsw.handlers({ baseUrl: '/order-api/v0' })).toThrow('baseUrl must be an absolute URL');
  });

  it('refuses to override an operation the API does not have', () => {
    expect(orderMsw.override('placeOrder', { status: 503 }).info.path).toBe('https://bestelomgeving.test/order-api/v0/orders');
    expect(() => orderMsw.override('cancelOrder' as never, { status: 503 })).toThrow(EduvConfigError);
    expect(() => orderMsw.override('cancelOrder' as never, { status: 503 })).toThrow('order-api has no operation "cancelOrder"');
  });
});
