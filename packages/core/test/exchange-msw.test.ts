import { setupServer } from 'msw/node';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createInMemoryExchangeStore, createOntvanger, createVerzender, operationUrl } from '../src/exchange';
import { bronHandlers } from '../src/msw';
import { anOrder, orderApi } from './support/exchange-api';
import { authenticateByToken, FAST } from './support/exchange-harness';

const ORDERSYSTEEM_URL = 'https://ordersysteem.test/order-api/v0';
const BESTELOMGEVING_URL = 'https://bestelomgeving.test/order-api/v0';

const ontvanger = createOntvanger({
  registry: orderApi,
  store: createInMemoryExchangeStore(),
  process: () => ({ orderStatus: 'declined' }),
  confirmationUrl: (_peer, operation) => operationUrl(BESTELOMGEVING_URL, operation),
  authorization: () => 'token-of-ordersysteem',
  authenticate: authenticateByToken,
  ...FAST,
});
const verzender = createVerzender({
  registry: orderApi,
  store: createInMemoryExchangeStore(),
  baseUrl: ORDERSYSTEEM_URL,
  authorization: () => 'token-of-bestelomgeving',
  authenticate: authenticateByToken,
  ...FAST,
});
const server = setupServer(...bronHandlers(orderApi, ontvanger, ORDERSYSTEEM_URL), ...bronHandlers(orderApi, verzender, BESTELOMGEVING_URL));

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(async () => {
  await Promise.all([verzender.close(), ontvanger.close()]);
  server.close();
});

it('runs the same exchange under MSW: both sides are Brons', async () => {
  const handle = await verzender.send('placeOrder', anOrder());
  const confirmation = await verzender.awaitConfirmation(handle.referenceId, { timeoutMs: 5_000 });
  expect(confirmation.body).toMatchObject({ requestReferenceId: handle.referenceId, orderStatus: 'declined' });
});
