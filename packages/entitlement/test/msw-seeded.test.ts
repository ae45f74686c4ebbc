import { staticToken } from '@eduvkit/core';
import { createRandom, createSchools } from '@eduvkit/core/fixtures';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEntitlementClient } from '../src/index';
import { entitlementConfirmation, entitlementRequest, fakeProductId } from '../src/fixtures/index';
import { entitlementHandlers } from '../src/msw/index';

// Without a source the handlers also play the Aanspraakmanager over the seeded chain (the mock's for the seed).
const baseUrl = 'https://seeded.eduvkit.test/entitlement-api/v0';
const server = setupServer(...entitlementHandlers({ baseUrl, seed: 3 }));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const client = createEntitlementClient({ baseUrl, tokenProvider: staticToken('t'), retry: false });
const [school] = createSchools({ seed: 3, po: 1, vo: 0 });
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describe('Entitlement MSW handlers without a source', () => {
  it("serve each seeded school's licensed entitlement, by school, by id and by its delivery order", async () => {
    const { data: entitlements } = await client.listForSchool({ orgMasterId: school!.orgMasterId });
    expect(entitlements).toHaveLength(1);
    const [entitlement] = entitlements;
    expect(entitlement).toMatchObject({
      entitlementStatus: 'licensed',
      entitlementType: 'school-student',
      school: { organisationMasterIdentifier: school!.orgMasterId },
    });
    expect((await client.get(entitlement!.entitlementId)).data).toEqual(entitlement);
    expect((await client.listForDeliveryOrder(entitlement!.deliveryOrderId!)).data).toEqual([entitlement]);
  });

  it('refuse an unknown entitlement 404 / 2023 and an unknown delivery order 404 / 2022', async () => {
    await expect(client.get(UNKNOWN)).rejects.toMatchObject({
      httpStatus: 404,
      eduvStatus: 2023,
      statusMessage: expect.stringMatching(/^Entitlement unknown: /),
    });
    await expect(client.listForDeliveryOrder(UNKNOWN)).rejects.toMatchObject({
      httpStatus: 404,
      eduvStatus: 2022,
      statusMessage: expect.stringMatching(/^DeliveryOrder unknown: /),
    });
  });

  it('still receive an entitlement 202, and refuse a confirmation of an entitlement nobody sent', async () => {
    const random = createRandom(9);
    const request = entitlementRequest(random, { productId: fakeProductId(random), school: school! });
    expect((await client.sendEntitlement(request)).httpStatus).toBe(202);
    await expect(client.confirmEntitlement(entitlementConfirmation(request, { random, receiver: { role: 'Licentieregistratie' } }))).rejects.toMatchObject({
      httpStatus: 400,
    });
  });
});
