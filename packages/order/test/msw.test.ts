import { staticToken } from '@eduvkit/core';
import { createInMemoryExchangeStore } from '@eduvkit/core/exchange';
import { createRandom } from '@eduvkit/core/fixtures';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrderClient } from '../src/index';
import { createProductRange, orderRequest } from '../src/fixtures/index';
import { DEFAULT_ORDER_BASE_URL, orderHandlers, orderOverride } from '../src/msw/index';

// A Bestelomgeving's test: its code PUTs to "the Ordersysteem", MSW answers like the mock server.
const store = createInMemoryExchangeStore();
const server = setupServer(...orderHandlers({ source: store }));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const random = createRandom(4);
const [product] = createProductRange(random, 1);
const client = createOrderClient({ baseUrl: DEFAULT_ORDER_BASE_URL, tokenProvider: staticToken('t'), retry: false });

describe('Order MSW handlers', () => {
  it('answer an order 202 and record it under its reference id', async () => {
    const order = orderRequest(random, { productId: product!.productId });
    const { httpStatus, apiVersion } = await client.placeOrder(order);
    expect({ httpStatus, apiVersion }).toEqual({ httpStatus: 202, apiVersion: '0.9.2' });
    const key = { api: 'order-api', operationId: 'placeOrder', peer: '', referenceId: order.requestReferenceId };
    expect((await store.receiveRequest(key, order, new Date())).created).toBe(false);
  });

  it('refuse an order without a product with 400 / 0011 naming the field', async () => {
    const { productId: _left, ...order } = orderRequest(random, { productId: product!.productId });
    await expect(client.placeOrder(order as never)).rejects.toMatchObject({
      httpStatus: 400,
      eduvStatus: 11,
      statusMessage: expect.stringContaining('productId'),
    });
  });

  it('answer a confirmation endpoint 405: the Bestelomgeving provides it', async () => {
    await expect(
      client.confirmOrder({
        requestReferenceId: 'x',
        responseReferenceId: 'y',
        processedTimestamp: new Date().toISOString(),
        orderStatus: 'approved',
      } as never),
    ).rejects.toMatchObject({ httpStatus: 405 });
  });

  it('override one operation', async () => {
    server.use(orderOverride('placeOrder', { status: 503, once: true }));
    await expect(client.placeOrder(orderRequest(random, { productId: product!.productId }))).rejects.toMatchObject({ httpStatus: 503 });
  });
});
