import { staticToken } from '@eduvkit/core';
import { createInMemoryExchangeStore } from '@eduvkit/core/exchange';
import { createRandom, createSchools } from '@eduvkit/core/fixtures';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEntitlementClient } from '../src/index';
import { entitlementRequest, fakeProductId } from '../src/fixtures/index';
import { DEFAULT_ENTITLEMENT_BASE_URL, entitlementHandlers } from '../src/msw/index';

// An Aanspraakmanager's test: its code PUTs to "the Licentieregistratie", MSW answers like the mock server.
const store = createInMemoryExchangeStore();
const server = setupServer(...entitlementHandlers({ source: store }));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const random = createRandom(7);
const [school] = createSchools({ seed: 7, po: 1, vo: 0 });
const client = createEntitlementClient({ baseUrl: DEFAULT_ENTITLEMENT_BASE_URL, tokenProvider: staticToken('t'), retry: false });

describe('Entitlement MSW handlers', () => {
  it('answer an entitlement 202 and record it under its reference id', async () => {
    const request = entitlementRequest(random, { productId: fakeProductId(random), school: school! });
    expect((await client.sendEntitlement(request)).httpStatus).toBe(202);
    const key = { api: 'entitlement-api', operationId: 'sendEntitlement', peer: '', referenceId: request.entitlementReferenceId };
    expect((await store.receiveRequest(key, request, new Date())).created).toBe(false);
  });

  it('refuse an entitlement message without its entitlement with 400 / 0011 naming the field', async () => {
    await expect(client.sendEntitlement({ entitlementReferenceId: random.guid() } as never)).rejects.toMatchObject({
      httpStatus: 400,
      eduvStatus: 11,
      statusMessage: expect.stringContaining('entitlement'),
    });
  });

  it('answer the GETs 405: the Aanspraakmanager serves them', async () => {
    await expect(client.get(random.guid())).rejects.toMatchObject({ httpStatus: 405 });
  });
});
