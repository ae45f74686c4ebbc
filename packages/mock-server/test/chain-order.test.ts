import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRandom } from '@eduvkit/core/fixtures';
import { orderApi, type OrderConfirmation } from '@eduvkit/order';
import { creditOrderRequest, orderRequest } from '@eduvkit/order/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadClients, startMockServer, type MockServer } from '../src/index';
import { chainVerzender, eventually, type ChainVerzender } from './support/chain-client';
import { demoTokenProvider } from './support/token-provider';

/**
 * The Done-when, over real HTTP on 127.0.0.1: a Bestelomgeving (a demo client with real
 * OAuth) orders from the mock's Ordersysteem and receives the confirmation at its own endpoint.
 */
let mock: MockServer;
let declining: MockServer;
let bestelomgeving: ChainVerzender;

beforeAll(async () => {
  [mock, declining] = await Promise.all([
    startMockServer({ port: 0, seed: 7, chainDelayMs: 50 }),
    startMockServer({ port: 0, seed: 7, chainDelayMs: 0, declineRate: 1 }),
  ]);
  bestelomgeving = await chainVerzender(mock, 'demo-bestelomgeving', orderApi);
});
afterAll(async () => {
  await bestelomgeving.close();
  await Promise.all([mock.close(), declining.close()]);
});

const digitalProduct = (server: MockServer) => server.chain.state.products.find((product) => product.type === 'digital')!.productId;

describe('an order to the mock Ordersysteem', () => {
  it('is answered 202 and confirmed approved at the endpoint the client registered', async () => {
    const body = orderRequest(createRandom(1), { productId: digitalProduct(mock), quantity: 28 });
    const handle = await bestelomgeving.verzender.send('placeOrder', body);
    const { body: confirmation } = await handle.confirmation;
    expect(confirmation).toMatchObject({
      requestReferenceId: body.requestReferenceId,
      purchaseOrderId: body.purchaseOrderId,
      orderStatus: 'approved',
      success: true,
      productId: body.productId,
      quantity: 28,
    });
    expect((confirmation as OrderConfirmation).responseReferenceId).toMatch(/^[0-9a-f-]{36}$/);
    expect(Date.parse((confirmation as OrderConfirmation).processedTimestamp)).toBeGreaterThan(Date.now() - 60_000);
    expect(mock.chain.state.order('demo-bestelomgeving', body.requestReferenceId)?.status).toBe('approved');
    // The verzender marks a request delivered only on a 2xx: the mock's 202.
    expect(bestelomgeving.events).toContainEqual(
      expect.objectContaining({ type: 'delivered', kind: 'request', key: expect.objectContaining({ referenceId: body.requestReferenceId }) }),
    );
  });

  it('answers the same request again 202, does not process it again, and confirms it again with the same responseReferenceId', async () => {
    const body = orderRequest(createRandom(2), { productId: digitalProduct(mock) });
    const first = await (await bestelomgeving.verzender.send('placeOrder', body)).confirmation;
    const token = await demoTokenProvider(mock, 'demo-bestelomgeving').getToken({ scopes: ['eduv.order'] });
    const again = await fetch(`${mock.url}/order-api/v0/orders`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(again.status).toBe(202);
    const received = () => bestelomgeving.confirmations.filter((confirmation) => confirmation.requestReferenceId === body.requestReferenceId);
    await eventually(() => received().length === 2);
    expect(received().map((confirmation) => confirmation.responseReferenceId)).toEqual([
      (first.body as OrderConfirmation).responseReferenceId,
      (first.body as OrderConfirmation).responseReferenceId,
    ]);
    const entry = mock.chain.log.list().find((exchange) => exchange.referenceId === body.requestReferenceId)!;
    expect(entry).toMatchObject({
      direction: 'received',
      api: 'order-api',
      operationId: 'placeOrder',
      peer: 'demo-bestelomgeving',
      state: 'confirmed',
      attempts: 1,
      repeats: 1,
    });
  });

  it('lists the exchange in GET /_admin/exchanges, newest first, with its confirmation', async () => {
    const body = orderRequest(createRandom(3), { productId: digitalProduct(mock) });
    await (
      await bestelomgeving.verzender.send('placeOrder', body)
    ).confirmation;
    const exchanges = (await (await fetch(`${mock.url}/_admin/exchanges`)).json()) as {
      referenceId: string;
      state: string;
      confirmation?: { orderStatus?: string };
    }[];
    expect(exchanges[0]).toMatchObject({ referenceId: body.requestReferenceId, confirmation: { orderStatus: 'approved' } });
  });

  it('declines every order with decline rate 1, and an order for a product outside the range', async () => {
    const client = await chainVerzender(declining, 'demo-bestelomgeving', orderApi);
    try {
      const inRange = await (await client.verzender.send('placeOrder', orderRequest(createRandom(4), { productId: digitalProduct(declining) }))).confirmation;
      expect(inRange.body).toMatchObject({ orderStatus: 'declined', success: false, status: 99 });
      const outside = await (await bestelomgeving.verzender.send('placeOrder', orderRequest(createRandom(5), { productId: '9789000000001' }))).confirmation;
      expect(outside.body).toMatchObject({ orderStatus: 'declined', success: false, statusMessage: expect.stringMatching(/^Product unknown: 9789000000001/) });
    } finally {
      await client.close();
    }
  });

  it('shows the order pending until the chain delay has passed, then confirmed', async () => {
    const slow = await startMockServer({ port: 0, seed: 7, chainDelayMs: 1_500 });
    const client = await chainVerzender(slow, 'demo-bestelomgeving', orderApi);
    try {
      const body = orderRequest(createRandom(9), { productId: digitalProduct(slow) });
      const handle = await client.verzender.send('placeOrder', body);
      await eventually(() => client.events.some((event) => event.type === 'delivered' && event.key.referenceId === body.requestReferenceId));
      const entry = () => slow.chain.log.list().find((exchange) => exchange.referenceId === body.requestReferenceId);
      expect(entry()?.state).toBe('pending');
      await eventually(() => slow.chain.state.order('demo-bestelomgeving', body.requestReferenceId) !== undefined);
      expect(slow.chain.state.order('demo-bestelomgeving', body.requestReferenceId)?.status).toBe('pending');
      expect(((await handle.confirmation).body as OrderConfirmation).orderStatus).toBe('approved');
      // The client has it; the mock marks it confirmed once the client's 202 is back.
      await eventually(() => entry()?.state === 'confirmed');
    } finally {
      await client.close();
      await slow.close();
    }
  });

  it('credits an approved order of the same client, and declines a credit for an order it does not know', async () => {
    const body = orderRequest(createRandom(7), { productId: digitalProduct(mock) });
    const approved = (await (await bestelomgeving.verzender.send('placeOrder', body)).confirmation).body as OrderConfirmation;
    const credit = await (await bestelomgeving.verzender.send('placeCreditOrder', creditOrderRequest(createRandom(8), body, approved))).confirmation;
    expect(credit.body).toMatchObject({ purchaseOrderId: body.purchaseOrderId, creditOrderStatus: 'approved', success: true });
    const unknown = await (await bestelomgeving.verzender.send('placeCreditOrder', { purchaseOrderId: 'PO-NEVER' })).confirmation;
    expect(unknown.body).toMatchObject({ purchaseOrderId: 'PO-NEVER', creditOrderStatus: 'declined', success: false });
  });

  it('takes the endpoints from the clients file too, trailing slash dropped', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'eduvkit-endpoints-')), 'clients.json');
    const clients = loadClients().clients.map((client) =>
      client.clientId === 'demo-bestelomgeving' ? { ...client, endpoints: { 'order-api': 'http://127.0.0.1:9100/order-api/v0/' } } : client,
    );
    writeFileSync(file, JSON.stringify({ clients }));
    const configured = await startMockServer({ port: 0, seed: 7, clientsFile: file });
    try {
      expect(configured.chain.endpoints.baseUrl('demo-bestelomgeving', 'order-api')).toBe('http://127.0.0.1:9100/order-api/v0');
      expect(configured.chain.endpoints.baseUrl('demo-bestelomgeving', 'delivery-api')).toBeUndefined();
    } finally {
      await configured.close();
    }
  });

  it('keeps a confirmation until the client registered where it goes', async () => {
    const other = await startMockServer({ port: 0, seed: 7, chainDelayMs: 0 });
    try {
      const token = await demoTokenProvider(other, 'demo-bestelomgeving').getToken({ scopes: ['eduv.order'] });
      const body = orderRequest(createRandom(6), { productId: digitalProduct(other) });
      const answer = await fetch(`${other.url}/order-api/v0/orders`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(answer.status).toBe(202);
      await eventually(() => other.chain.log.list().some((exchange) => exchange.referenceId === body.requestReferenceId && exchange.state === 'processed'));
      const client = await chainVerzender(other, 'demo-bestelomgeving', orderApi);
      try {
        // The verzender refuses a confirmation it never sent (§12): the mock keeps trying, and the log shows why.
        await eventually(() => client.confirmations.some((confirmation) => confirmation.requestReferenceId === body.requestReferenceId));
      } finally {
        await client.close();
      }
    } finally {
      await other.close();
    }
  });
});
