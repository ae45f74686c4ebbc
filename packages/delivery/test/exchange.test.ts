import { staticToken } from '@eduvkit/core';
import { createInMemoryExchangeStore, operationUrl } from '@eduvkit/core/exchange';
import { createRandom, createSchools } from '@eduvkit/core/fixtures';
import { BronError } from '@eduvkit/core/server';
import { serveNode } from '@eduvkit/core/server/node';
import { createProductRange } from '@eduvkit/order/fixtures';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createDeliveryClient,
  createDeliveryOntvanger,
  createDeliveryVerzender,
  deliveryApi,
  type DeliveryOrder,
  type DeliveryOrderSource,
} from '../src/index';
import { deliveryOrder } from '../src/fixtures/index';

// Fast loops, and parties that accept any bearer token: these tests are about the exchange, not tokens.
const FAST = { pollIntervalMs: 20, retry: { baseDelayMs: 10, maxDelayMs: 50 }, dangerouslyAcceptAnyToken: true };
const random = createRandom(12);
const [product] = createProductRange(random, 1);
const [school, unconsented] = createSchools({ seed: 12, po: 1, vo: 1 });
const order = deliveryOrder(random, { productId: product!.productId, school: school! });
const schoolOf = (candidate: DeliveryOrder) => candidate.buyer.school?.organisationMasterIdentifier;

/** The Bestelomgeving's own delivery orders: one, at the first school. */
const source: DeliveryOrderSource = {
  schools: [school!, unconsented!],
  getDeliveryOrder: (id) => (id === order.deliveryOrderId ? order : undefined),
  listForSchool: (resolved, filters) =>
    [order].filter((candidate) => schoolOf(candidate) === resolved.school.orgMasterId && (!filters.status || candidate.status === filters.status)),
  listForUser: () => [],
};

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

/** A Bestelomgeving (verzender and GET source) and an Aanspraakmanager, each on its own node server on 127.0.0.1. */
async function startChain() {
  const bestelomgeving = { url: '' };
  const aanspraakmanager = createDeliveryOntvanger({
    ...FAST,
    store: createInMemoryExchangeStore(),
    authorization: () => 'am-token',
    confirmationUrl: (_peer, operation) => operationUrl(`${bestelomgeving.url}/delivery-api/v2`, operation),
    process: {
      sendDeliveryOrder: ({ body }) => ({
        deliveryOrderId: body.deliveryOrder.deliveryOrderId,
        productId: body.deliveryOrder.productId,
        newStatus: 'processed',
        success: true,
        status: 0,
      }),
    },
  });
  const amServer = await serveNode((request) => aanspraakmanager.answer(request), { apiVersion: deliveryApi.version, port: 0, host: '127.0.0.1' });
  const verzender = createDeliveryVerzender({
    ...FAST,
    store: createInMemoryExchangeStore(),
    baseUrl: `${amServer.url}/delivery-api/v2`,
    authorization: () => 'bestel-token',
    confirmationTimeoutMs: 5_000,
    source,
    authorize: (_caller, resolved) => {
      if (resolved.school.orgMasterId !== school!.orgMasterId) throw BronError.consentRequired();
    },
  });
  const beServer = await serveNode((request) => verzender.answer(request), { apiVersion: deliveryApi.version, port: 0, host: '127.0.0.1' });
  bestelomgeving.url = beServer.url;
  closers.push(
    () => amServer.close(),
    () => aanspraakmanager.close(),
    () => beServer.close(),
    () => verzender.close(),
  );
  return { verzender, reader: createDeliveryClient({ baseUrl: `${beServer.url}/delivery-api/v2`, tokenProvider: staticToken('reader'), retry: false }) };
}

describe('Delivery exchange and GETs over HTTP', () => {
  it('sends a delivery order and receives its typed confirmation', async () => {
    const { verzender } = await startChain();
    const handle = await verzender.sendDeliveryOrder({ deliveryOrder: order });
    const { body } = await handle.confirmation;
    expect(body).toMatchObject({ deliveryOrderReferenceId: handle.referenceId, deliveryOrderId: order.deliveryOrderId, newStatus: 'processed', success: true });
    expect(body.deliveryOrderReceiveId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves the delivery orders of a school with consent, by id, and refuses a school without consent or unknown', async () => {
    const { reader } = await startChain();
    expect((await reader.listForSchool({ orgMasterId: school!.orgMasterId })).data).toEqual([order]);
    expect((await reader.listForSchool({ orgMasterId: school!.orgMasterId }, { status: 'cancelled' })).data).toEqual([]);
    expect((await reader.get(order.deliveryOrderId)).data).toEqual(order);
    await expect(reader.get(random.guid())).rejects.toMatchObject({ httpStatus: 404 });
    await expect(reader.listForSchool({ orgMasterId: unconsented!.orgMasterId })).rejects.toMatchObject({ httpStatus: 403, eduvStatus: 22 });
    await expect(reader.listForSchool({ orgMasterId: random.guid() })).rejects.toMatchObject({ httpStatus: 400 });
    const user = { userMasterIdentifier: `https://ketenid.nl/201703/${'b'.repeat(128)}` };
    expect((await reader.listForUser({ organisationMasterIdentifier: school!.orgMasterId }, user)).data).toEqual([]);
  });

  it('answers the GETs 501 without a source', async () => {
    const verzender = createDeliveryVerzender({
      store: createInMemoryExchangeStore(),
      baseUrl: 'http://127.0.0.1:9/delivery-api/v2',
      autoStart: false,
      dangerouslyAcceptAnyToken: true,
    });
    const response = await verzender.handle(
      new Request(`http://x/delivery-api/v2/deliveryorders/${order.deliveryOrderId}`, { headers: { authorization: 'Bearer t' } }),
    );
    expect(response?.status).toBe(501);
  });
});
