import { startMockServer, type MockServer } from '@eduvkit/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConfirmationServer, type ConfirmationServer } from '../src/confirmation-server';
import { orderForClass, type ClassOrder } from '../src/order-for-class';
import { bestelomgevingTokenProvider } from '../src/supplier-credentials';

let mock: MockServer;
let declining: MockServer;

beforeAll(async () => {
  [mock, declining] = await Promise.all([
    startMockServer({ port: 0, seed: 1, chainDelayMs: 20 }),
    startMockServer({ port: 0, seed: 1, chainDelayMs: 0, declineRate: 1 }),
  ]);
});
afterAll(() => Promise.all([mock.close(), declining.close()]));

/** The Bestelomgeving against one mock: its token provider and its own confirmation server, registered there. */
async function bestelomgevingAt(server: MockServer) {
  const demo = server.clients.find((client) => client.clientId === 'demo-bestelomgeving')!;
  const tokenProvider = bestelomgevingTokenProvider(server.url, demo.privateKeyFile!, demo.jwks.keys[0]!.kid!);
  const parties: ConfirmationServer = await startConfirmationServer({ counterpartUrl: server.url, tokenProvider });
  const registered = await fetch(`${server.url}/_admin/clients/demo-bestelomgeving/endpoints`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(parties.endpoints),
  });
  expect(registered.status).toBe(204);
  return { options: { counterpartUrl: server.url, tokenProvider, parties }, close: async () => (await parties.close(), await tokenProvider.close()) };
}

const classOrder = (server: MockServer): ClassOrder => {
  const school = server.world.schools[0]!;
  return {
    orgMasterId: school.orgMasterId,
    studyOfferingId: school.catalogue.studyOfferings[4]!.id,
    schoolPeriodId: school.catalogue.currentSchoolYear,
    productId: server.chain.state.products.find((product) => product.type === 'digital')!.productId,
    startDate: '2025-08-01',
    activationUntilDate: '2026-07-31',
  };
};

describe('a Bestelomgeving orders a digital product for a class', () => {
  it('follows it through order, delivery, entitlement and first use', async () => {
    const bestelomgeving = await bestelomgevingAt(mock);
    try {
      const order = classOrder(mock);
      const klas = mock.world.students
        .get(order.orgMasterId)!
        .filter((record) =>
          record.enrollments.some((enrollment) => enrollment.studyOfferingId === order.studyOfferingId && enrollment.schoolPeriodId === order.schoolPeriodId),
        );
      const steps = await orderForClass(order, bestelomgeving.options);
      expect(steps.map(({ step }) => step)).toEqual(['order', 'delivery', 'entitlement', 'first use']);
      const [ordered, delivered, entitled, used] = steps;
      expect(ordered).toMatchObject({ confirmation: { orderStatus: 'approved', quantity: klas.length, productId: order.productId } });
      expect(delivered).toMatchObject({ confirmation: { newStatus: 'processed', success: true } });
      // No client registered as Licentieregistratie or portal: the mock's own counterparts confirmed.
      expect(entitled).toMatchObject({
        entitlements: [{ entitlementStatus: 'entitled', entitlementType: 'school-student', school: { organisationMasterIdentifier: order.orgMasterId } }],
      });
      expect(used).toMatchObject({
        confirmation: { newEntitlementStatus: 'licensed' },
        usage: { entitlementStatus: 'licensed', totalQuantity: 1, licenses: [{ licenseStatus: 'activated' }] },
      });
      // The mock counts a confirmation delivered once this party's 202 is back: poll briefly.
      let exchanges: { operationId: string; state: string }[] = [];
      for (let tries = 0; tries < 100 && !(exchanges.length >= 3 && exchanges.slice(0, 3).every(({ state }) => state === 'confirmed')); tries += 1) {
        if (tries) await new Promise((resolveWait) => setTimeout(resolveWait, 20));
        exchanges = (await (await fetch(`${mock.url}/_admin/exchanges`)).json()) as typeof exchanges;
      }
      expect(exchanges.slice(0, 3).map(({ operationId, state }) => [operationId, state])).toEqual([
        ['reportInitialActivation', 'confirmed'],
        ['sendDeliveryOrder', 'confirmed'],
        ['placeOrder', 'confirmed'],
      ]);
    } finally {
      await bestelomgeving.close();
    }
  });

  it('stops after the order when the Ordersysteem declines it', async () => {
    const bestelomgeving = await bestelomgevingAt(declining);
    try {
      const steps = await orderForClass(classOrder(declining), bestelomgeving.options);
      expect(steps).toEqual([{ step: 'order', confirmation: expect.objectContaining({ orderStatus: 'declined', success: false }) }]);
    } finally {
      await bestelomgeving.close();
    }
  });
});
