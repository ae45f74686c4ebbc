import { staticToken } from '@eduvkit/core';
import { createSchools } from '@eduvkit/core/fixtures';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeliveryClient } from '../src/index';
import { deliveryOrder, deliveryOrderRequest } from '../src/fixtures/index';
import { deliveryHandlers } from '../src/msw/index';
import { createRandom } from '@eduvkit/core/fixtures';

// Without a source the handlers also play the Bestelomgeving over the seeded chain (the mock's for the seed).
const baseUrl = 'https://seeded.eduvkit.test/delivery-api/v2';
const server = setupServer(...deliveryHandlers({ baseUrl, seed: 3 }));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const client = createDeliveryClient({ baseUrl, tokenProvider: staticToken('t'), retry: false });
const [school] = createSchools({ seed: 3, po: 1, vo: 0 });

describe('Delivery MSW handlers without a source', () => {
  it("serve each seeded school's licensed delivery order for its first students, by school and by id", async () => {
    const { data: orders } = await client.listForSchool({ orgMasterId: school!.orgMasterId });
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({
      status: 'licensed',
      deliveryType: 'school-students',
      contractId: `CT-${school!.orgMasterId}`,
      buyer: { school: { organisationMasterIdentifier: school!.orgMasterId } },
    });
    expect(orders[0]!.deliverySpecification.students).toHaveLength(5);
    expect((await client.get(orders[0]!.deliveryOrderId)).data).toEqual(orders[0]);
    expect((await client.listForSchool({ orgMasterId: school!.orgMasterId }, { status: 'processed' })).data).toEqual([]);
  });

  it('refuse an unknown delivery order with 404 / 2022', async () => {
    await expect(client.get('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
      httpStatus: 404,
      eduvStatus: 2022,
      statusMessage: expect.stringMatching(/^DeliveryOrder unknown: /),
    });
  });

  it('still receive a delivery order 202', async () => {
    const random = createRandom(9);
    expect(
      (await client.sendDeliveryOrder(deliveryOrderRequest(random, deliveryOrder(random, { productId: '9789000000007', school: school! })))).httpStatus,
    ).toBe(202);
  });
});
