import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInMemoryExchangeStore, createOntvanger, type Ontvanger } from '@eduvkit/core/exchange';
import { createRandom } from '@eduvkit/core/fixtures';
import { deliveryApi, type DeliveryOrderConfirmation } from '@eduvkit/delivery';
import { deliveryOrder, deliveryOrderRequest } from '@eduvkit/delivery/fixtures';
import { entitlementApi, type Entitlement, type EntitlementRequest } from '@eduvkit/entitlement';
import { entitlementConfirmation } from '@eduvkit/entitlement/fixtures';
import { usageApi, type EntitlementUsage } from '@eduvkit/usage';
import { initialActivation } from '@eduvkit/usage/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadClients, startMockServer, type MockServer } from '../src/index';
import { chainVerzender, recordingServer, registerEndpoint, type ChainVerzender } from './support/chain-client';
import { demoTokenProvider } from './support/token-provider';

/**
 * The Aanspraakmanager side of the mock, over real HTTP: a delivery order becomes an entitlement that
 * goes to the client registered as Licentieregistratie and, only once that one confirmed, to the
 * client registered as Leermiddelenportaal (conventions §12.8); then the delivery order is confirmed.
 */
const LICENTIEREGISTRATIE = 'test-licentieregistratie';
const PORTAL = 'test-leermiddelenportaal';

let mock: MockServer;
let bestelomgeving: ChainVerzender;
const receivers: { ontvanger: Ontvanger; close(): Promise<void> }[] = [];
/** What each receiver saw, in the order it happened. */
const seen: { who: string; entitlement: Entitlement; statusAtMock?: string }[] = [];

function clientsFile(): string {
  const demo = loadClients().clients;
  const keyOf = demo.find((client) => client.clientId === 'demo-dashboard')!;
  const extra = [
    { clientId: LICENTIEREGISTRATIE, name: 'Test Licentieregistratie', role: 'Licentieregistratie', jwks: keyOf.jwks, privateKeyFile: keyOf.privateKeyFile },
    { clientId: PORTAL, name: 'Test Leermiddelenportaal', role: 'Leermiddelenportaal', jwks: keyOf.jwks, privateKeyFile: keyOf.privateKeyFile },
  ];
  const file = join(mkdtempSync(join(tmpdir(), 'eduvkit-chain-')), 'clients.json');
  writeFileSync(file, JSON.stringify({ clients: [...demo, ...extra] }));
  return file;
}

/** A client playing one entitlement receiver: an ontvanger of `PUT /entitlements` on its own node server. */
async function receiver(clientId: string, role: 'Licentieregistratie' | 'Leermiddelenportaal') {
  const tokens = demoTokenProvider(mock, clientId);
  const ontvanger = createOntvanger({
    registry: entitlementApi,
    operations: ['sendEntitlement'],
    store: createInMemoryExchangeStore(),
    pollIntervalMs: 50,
    // A test double of the client: the mock's pushes carry real tokens, but this test is about routing.
    dangerouslyAcceptAnyToken: true,
    process(request) {
      const body = request.body as EntitlementRequest;
      seen.push({
        who: role,
        entitlement: body.entitlement,
        statusAtMock: mock.chain.state.entitlements.get(body.entitlement.entitlementId)?.entitlement.entitlementStatus,
      });
      const as = role === 'Licentieregistratie' ? ({ role } as const) : ({ role, portal: 'test-portal' } as const);
      return entitlementConfirmation(body, { random: createRandom(1), receiver: as, processedAt: new Date() });
    },
    confirmationUrl: () => `${mock.url}${entitlementApi.basePath}/entitlements/confirmations`,
    authorization: () => tokens.getToken({ scopes: [] }),
  });
  const { server } = await recordingServer(ontvanger, entitlementApi.version);
  await registerEndpoint(mock, clientId, entitlementApi.api, `${server.url}${entitlementApi.basePath}`);
  receivers.push({ ontvanger, close: async () => (await ontvanger.close(), await server.close()) });
}

async function get(clientId: string, path: string) {
  const token = await demoTokenProvider(mock, clientId).getToken({ scopes: [] });
  const response = await fetch(`${mock.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, body: (await response.json()) as unknown };
}

beforeAll(async () => {
  mock = await startMockServer({ port: 0, seed: 9, chainDelayMs: 0, clientsFile: clientsFile() });
  bestelomgeving = await chainVerzender(mock, 'demo-bestelomgeving', deliveryApi);
  await receiver(LICENTIEREGISTRATIE, 'Licentieregistratie');
  await receiver(PORTAL, 'Leermiddelenportaal');
});
afterAll(async () => {
  await Promise.all([bestelomgeving.close(), ...receivers.map((party) => party.close())]);
  await mock.close();
});

describe('a delivery order to the mock Aanspraakmanager', () => {
  const school = () => mock.world.schools[0]!;
  let entitlementId: string;

  it('sends the entitlement to the Licentieregistratie, then to the portal, then confirms the delivery order', async () => {
    const productId = mock.chain.state.products.find((product) => product.type === 'digital')!.productId;
    const request = deliveryOrderRequest(
      createRandom(3),
      deliveryOrder(createRandom(4), { productId, school: school(), deliveryType: 'school-students', quantity: 25 }),
    );
    const confirmation = (await (await bestelomgeving.verzender.send('sendDeliveryOrder', request)).confirmation).body as DeliveryOrderConfirmation;
    expect(confirmation).toMatchObject({
      deliveryOrderReferenceId: request.deliveryOrderReferenceId,
      deliveryOrderId: request.deliveryOrder.deliveryOrderId,
      newStatus: 'processed',
      success: true,
    });
    const forOrder = seen.filter(({ entitlement }) => entitlement.deliveryOrderId === request.deliveryOrder.deliveryOrderId);
    expect(forOrder.map(({ who }) => who)).toEqual(['Licentieregistratie', 'Leermiddelenportaal']);
    // The portal got it only after the mock had the Licentieregistratie's confirmation.
    expect(forOrder[1]).toMatchObject({ statusAtMock: 'entitled', entitlement: { entitlementStatus: 'entitled' } });
    entitlementId = forOrder[0]!.entitlement.entitlementId;
    const sent = mock.chain.log.list().filter((exchange) => exchange.direction === 'sent' && exchange.operationId === 'sendEntitlement');
    expect(sent.map(({ peer, state }) => [peer, state])).toEqual([
      [PORTAL, 'confirmed'],
      [LICENTIEREGISTRATIE, 'confirmed'],
    ]);
  });

  it('serves the entitlement to the Bestelomgeving, and records a first use as licensed usage', async () => {
    const listed = await get('demo-bestelomgeving', `${entitlementApi.basePath}/entitlements/school?orgMasterId=${school().orgMasterId}`);
    expect(listed.body).toContainEqual(
      expect.objectContaining({ entitlementId, entitlementStatus: 'entitled', school: { organisationMasterIdentifier: school().orgMasterId } }),
    );

    // The Licentieregistratie reports the first use; it needs the school's activation for the Usage API.
    await fetch(`${mock.url}/_admin/consents`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ clientId: LICENTIEREGISTRATIE, orgMasterId: school().orgMasterId, api: 'usage-api', active: true }),
    });
    const licentieregistratie = await chainVerzender(mock, LICENTIEREGISTRATIE, usageApi);
    try {
      const student = mock.world.students.get(school().orgMasterId)![0]!.student;
      const entitlement = mock.chain.state.entitlements.get(entitlementId)!.entitlement;
      const activation = initialActivation(createRandom(5), { entitlement, user: { userMasterIdentifier: student.userMasterIdentifier! } });
      const confirmed = await (await licentieregistratie.verzender.send('reportInitialActivation', activation)).confirmation;
      expect(confirmed.body).toMatchObject({ entitlementId, newEntitlementStatus: 'licensed' });
    } finally {
      await licentieregistratie.close();
    }
    const usage = (await get('demo-bestelomgeving', `${usageApi.basePath}/usage/entitlements/${entitlementId}`)).body as EntitlementUsage;
    expect(usage).toMatchObject({ entitlementId, entitlementStatus: 'licensed', totalQuantity: 1 });
    expect(usage.licenses).toEqual([expect.objectContaining({ licenseStatus: 'activated' })]);
  });

  it('refuses reads without the school activation, also by id: 403 / 0022', async () => {
    const other = mock.world.schools[1]!.orgMasterId;
    for (const api of ['delivery-api', 'entitlement-api']) {
      await fetch(`${mock.url}/_admin/consents`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ clientId: 'demo-bestelomgeving', orgMasterId: other, api, active: false }),
      });
    }
    const list = await get('demo-bestelomgeving', `${deliveryApi.basePath}/deliveryorders/school?orgMasterId=${other}`);
    expect(list).toMatchObject({
      status: 403,
      body: { status: 22, statusMessage: `consent required: school ${other} has not activated delivery-api for client demo-bestelomgeving` },
    });
    const seeded = mock.chain.state.entitlementsOfSchool(other)[0]!.entitlement.entitlementId;
    expect(await get('demo-bestelomgeving', `${entitlementApi.basePath}/entitlements/${seeded}`)).toMatchObject({ status: 403, body: { status: 22 } });
    expect(
      (
        await get(
          'demo-bestelomgeving',
          `${entitlementApi.basePath}/entitlements/${mock.chain.state.entitlementsOfSchool(school().orgMasterId)[0]!.entitlement.entitlementId}`,
        )
      ).status,
    ).toBe(200);
  });
});
