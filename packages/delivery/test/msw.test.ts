import { staticToken } from '@eduvkit/core';
import { createInMemoryExchangeStore } from '@eduvkit/core/exchange';
import { createRandom, createSchools } from '@eduvkit/core/fixtures';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeliveryClient, deliverySourceHandlers } from '../src/index';
import { deliveryOrder, deliveryOrderRequest } from '../src/fixtures/index';
import { DEFAULT_DELIVERY_BASE_URL, deliveryHandlers } from '../src/msw/index';

// A Bestelomgeving's test: its code PUTs to "the Aanspraakmanager", MSW answers like the mock server.
const store = createInMemoryExchangeStore();
const server = setupServer(...deliveryHandlers({ source: store }));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const random = createRandom(6);
const [school] = createSchools({ seed: 6, po: 1, vo: 0 });
const client = createDeliveryClient({ baseUrl: DEFAULT_DELIVERY_BASE_URL, tokenProvider: staticToken('t'), retry: false });

describe('Delivery MSW handlers', () => {
  it('answer a delivery order 202 and record it under its reference id', async () => {
    const request = deliveryOrderRequest(random, deliveryOrder(random, { productId: '9789000000007', school: school! }));
    expect((await client.sendDeliveryOrder(request)).httpStatus).toBe(202);
    const key = { api: 'delivery-api', operationId: 'sendDeliveryOrder', peer: '', referenceId: request.deliveryOrderReferenceId };
    expect((await store.receiveRequest(key, request, new Date())).created).toBe(false);
  });

  it('refuse a delivery order without its order with 400 / 0011 naming the field', async () => {
    await expect(client.sendDeliveryOrder({ deliveryOrderReferenceId: random.guid() } as never)).rejects.toMatchObject({
      httpStatus: 400,
      eduvStatus: 11,
      statusMessage: expect.stringContaining('deliveryOrder'),
    });
  });

  it('answer the GETs 405: the Bestelomgeving serves them', async () => {
    await expect(client.get(random.guid())).rejects.toMatchObject({ httpStatus: 405 });
  });

  it('serve the GETs too when given their handlers, as a counterpart playing both roles', async () => {
    const order = deliveryOrder(random, { productId: '9789000000007', school: school! });
    const source = { schools: [school!], getDeliveryOrder: () => order, listForSchool: () => [order], listForUser: () => [] };
    const baseUrl = 'https://both-roles.eduvkit.test/delivery-api/v2';
    server.use(...deliveryHandlers({ baseUrl, bron: { handlers: deliverySourceHandlers(source) } }));
    const both = createDeliveryClient({ baseUrl, tokenProvider: staticToken('t'), retry: false });
    expect((await both.listForSchool({ orgMasterId: school!.orgMasterId })).data).toEqual([order]);
    expect((await both.sendDeliveryOrder(deliveryOrderRequest(random, order))).httpStatus).toBe(202);
  });
});
