import { staticToken } from '@eduvkit/core';
import { createSchools } from '@eduvkit/core/fixtures';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUsageClient } from '../src/index';
import { usageHandlers } from '../src/msw/index';

// Without a source the handlers also play the Licentieregistratie over the seeded chain (the mock's for the seed).
const baseUrl = 'https://seeded.eduvkit.test/usage-api/v1';
const server = setupServer(...usageHandlers({ baseUrl, seed: 3 }));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const client = createUsageClient({ baseUrl, tokenProvider: staticToken('t'), retry: false });
const [school] = createSchools({ seed: 3, po: 1, vo: 0 });
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describe('Usage MSW handlers without a source', () => {
  it("serve each seeded school's usage: one licensed entitlement, first used by one student", async () => {
    const { data: totals } = await client.listForSchool({ orgMasterId: school!.orgMasterId });
    expect(totals).toHaveLength(1);
    expect(totals[0]).toMatchObject({ totalLicensed: 1, totalEntitled: 0 });
    const [usage] = totals[0]!.entitlements;
    expect(usage!.licenses).toHaveLength(1);
    expect((await client.getForEntitlement(usage!.entitlementId)).data).toEqual(usage);
    expect((await client.getForDeliveryOrder(totals[0]!.deliveryOrderId)).data).toEqual(totals[0]);
    expect((await client.listForContract(`CT-${school!.orgMasterId}`)).data).toEqual(totals);
    expect((await client.listForUser({ organisationMasterIdentifier: school!.orgMasterId }, usage!.licenses![0]!.user!)).data).toEqual([usage]);
  });

  it('refuse an unknown entitlement 404 / 2023 and an unknown delivery order 404 / 2022; an unknown contract has no usage', async () => {
    await expect(client.getForEntitlement(UNKNOWN)).rejects.toMatchObject({ httpStatus: 404, eduvStatus: 2023 });
    await expect(client.getForDeliveryOrder(UNKNOWN)).rejects.toMatchObject({ httpStatus: 404, eduvStatus: 2022 });
    expect((await client.listForContract(UNKNOWN)).data).toEqual([]);
  });
});
