import { staticToken } from '@eduvkit/core';
import { createInMemoryExchangeStore, operationUrl } from '@eduvkit/core/exchange';
import { createRandom } from '@eduvkit/core/fixtures';
import { serveNode, type NodeServer } from '@eduvkit/core/server/node';
import { afterEach, describe, expect, it } from 'vitest';
import { createOrderClient, createOrderOntvanger, createOrderVerzender, orderApi, type OrderOntvangerOptions, type OrderVerzender } from '../src/index';
import { createProductRange, creditOrderRequest, orderRequest } from '../src/fixtures/index';

// Fast loops, and parties that accept any bearer token: these tests are about the exchange, not tokens.
const FAST = { pollIntervalMs: 20, retry: { baseDelayMs: 10, maxDelayMs: 50 }, dangerouslyAcceptAnyToken: true };
const random = createRandom(9);
const [product] = createProductRange(random, 1);
const order = () => {
  const { requestReferenceId: _generatedBySend, ...body } = orderRequest(random, { productId: product!.productId, quantity: 3 });
  return body;
};

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

/** A Bestelomgeving and an Ordersysteem, each on its own node server on 127.0.0.1. */
async function startChain(process: OrderOntvangerOptions['process']) {
  const bestelomgeving = { url: '' };
  const ordersysteem = createOrderOntvanger({
    ...FAST,
    store: createInMemoryExchangeStore(),
    process,
    authorization: () => 'ordersysteem-token',
    confirmationUrl: (_peer, operation) => operationUrl(`${bestelomgeving.url}/order-api/v0`, operation),
  });
  const ordersysteemServer = await serveNode((request) => ordersysteem.answer(request), { apiVersion: orderApi.version, port: 0, host: '127.0.0.1' });
  const verzender: OrderVerzender = createOrderVerzender({
    ...FAST,
    store: createInMemoryExchangeStore(),
    baseUrl: `${ordersysteemServer.url}/order-api/v0`,
    authorization: () => 'bestel-token',
    confirmationTimeoutMs: 5_000,
  });
  const bestelomgevingServer: NodeServer = await serveNode((request) => verzender.answer(request), {
    apiVersion: orderApi.version,
    port: 0,
    host: '127.0.0.1',
  });
  bestelomgeving.url = bestelomgevingServer.url;
  closers.push(
    () => ordersysteemServer.close(),
    () => ordersysteem.close(),
    () => bestelomgevingServer.close(),
    () => verzender.close(),
  );
  return { verzender, ordersysteemUrl: `${ordersysteemServer.url}/order-api/v0` };
}

describe('Order exchange over HTTP', () => {
  it('places an order and receives its typed confirmation at the Bestelomgeving', async () => {
    const seen: string[] = [];
    const { verzender } = await startChain({
      placeOrder: ({ body }) => {
        seen.push(body.purchaseOrderId);
        return { purchaseOrderId: body.purchaseOrderId, orderStatus: body.quantity > 0 ? 'approved' : 'declined' };
      },
    });
    const sent = order();
    const handle = await verzender.placeOrder(sent);
    const { body } = await handle.confirmation;
    expect(body.requestReferenceId).toBe(handle.referenceId);
    expect(body.orderStatus).toBe('approved');
    expect(body.purchaseOrderId).toBe(sent.purchaseOrderId);
    expect(body.responseReferenceId).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen).toEqual([sent.purchaseOrderId]);
  });

  it('answers a credit order without a processor with 501, and refuses a malformed order with 400 / 0011 naming the field', async () => {
    const { ordersysteemUrl } = await startChain({ placeOrder: () => ({ orderStatus: 'pending' }) });
    const client = createOrderClient({ baseUrl: ordersysteemUrl, tokenProvider: staticToken('bestel-token'), retry: false });
    const credit = creditOrderRequest(random, orderRequest(random, { productId: product!.productId }));
    await expect(client.placeCreditOrder(credit)).rejects.toMatchObject({ httpStatus: 501 });
    const response = await fetch(`${ordersysteemUrl}/orders`, {
      method: 'PUT',
      headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
      body: JSON.stringify({ ...order(), requestReferenceId: 'r-1', quantity: 0 }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ status: 11, statusMessage: expect.stringContaining('quantity') });
  });

  it('places a credit order with its reference id and sends the order again without processing it twice', async () => {
    let processed = 0;
    const { verzender } = await startChain({
      placeOrder: () => (processed++, { orderStatus: 'approved' }),
      placeCreditOrder: ({ body }) => ({ purchaseOrderId: body.purchaseOrderId, creditOrderStatus: 'approved' }),
    });
    const sent = { ...order(), requestReferenceId: '6f1c2a3e-2d4b-4c8a-9e1f-0a1b2c3d4e5f' };
    const first = await (await verzender.placeOrder(sent)).confirmation;
    const again = await verzender.placeOrder(sent);
    expect(again.first).toBe(false);
    const credit = await verzender.placeCreditOrder({ purchaseOrderId: sent.purchaseOrderId, responseReferenceId: first.body.responseReferenceId });
    expect((await credit.confirmation).body.creditOrderStatus).toBe('approved');
    expect(processed).toBe(1);
  });

  it('refuses to send an order that does not match the schema', async () => {
    const { verzender } = await startChain({ placeOrder: () => ({ orderStatus: 'approved' }) });
    await expect(verzender.placeOrder({ ...order(), quantity: 0 })).rejects.toThrow('quantity');
  });
});
