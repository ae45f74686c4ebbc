import { staticToken } from '@eduvkit/core';
import { createInMemoryExchangeStore } from '@eduvkit/core/exchange';
import { createRandom } from '@eduvkit/core/fixtures';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUsageClient } from '../src/index';
import { initialActivation } from '../src/fixtures/index';
import { DEFAULT_USAGE_BASE_URL, usageHandlers } from '../src/msw/index';

// A Licentieregistratie's test: its code PUTs to "the Aanspraakmanager", MSW answers like the mock server.
const store = createInMemoryExchangeStore();
const server = setupServer(...usageHandlers({ source: store }));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const random = createRandom(8);
const client = createUsageClient({ baseUrl: DEFAULT_USAGE_BASE_URL, tokenProvider: staticToken('t'), retry: false });
const activation = initialActivation(random, {
  entitlement: {
    entitlementId: random.guid(),
    productId: '9789000000007',
    entitlementType: 'school-student',
    school: { organisationMasterIdentifier: random.guid() },
  },
});

describe('Usage MSW handlers', () => {
  it('answer a first use 202 and record it under its reference id', async () => {
    expect((await client.reportInitialActivation(activation)).httpStatus).toBe(202);
    const key = { api: 'usage-api', operationId: 'reportInitialActivation', peer: '', referenceId: activation.requestReferenceId };
    expect((await store.receiveRequest(key, activation, new Date())).created).toBe(false);
  });

  it('take a first use of a customer entitlement, which names no school', async () => {
    const customer = initialActivation(random, {
      entitlement: { entitlementId: random.guid(), productId: '9789000000007', entitlementType: 'customer-student' },
    });
    expect(customer.school).toBeUndefined();
    expect((await client.reportInitialActivation(customer)).httpStatus).toBe(202);
  });

  it('refuse a first use without its user with 400 / 0011 naming the field', async () => {
    const { user: _left, ...withoutUser } = activation;
    await expect(client.reportInitialActivation({ ...withoutUser, requestReferenceId: random.guid() } as never)).rejects.toMatchObject({
      httpStatus: 400,
      eduvStatus: 11,
      statusMessage: expect.stringContaining('user'),
    });
  });

  it('answer the GETs 405: the Licentieregistratie serves them', async () => {
    await expect(client.getForEntitlement(random.guid())).rejects.toMatchObject({ httpStatus: 405 });
  });
});
