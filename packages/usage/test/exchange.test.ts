import { staticToken } from '@eduvkit/core';
import { createInMemoryExchangeStore, operationUrl } from '@eduvkit/core/exchange';
import { createRandom, createSchools } from '@eduvkit/core/fixtures';
import { consentAuthorizer } from '@eduvkit/core/server';
import { serveNode } from '@eduvkit/core/server/node';
import { afterEach, describe, expect, it } from 'vitest';
import { createUsageClient, createUsageOntvanger, createUsageVerzender, usageApi, type UsageSource } from '../src/index';
import { entitlementUsage, initialActivation, usageTotals } from '../src/fixtures/index';

// Fast loops, and parties that accept any bearer token: these tests are about the exchange, not tokens.
const FAST = { pollIntervalMs: 20, retry: { baseDelayMs: 10, maxDelayMs: 50 }, dangerouslyAcceptAnyToken: true };
const random = createRandom(14);
const [school, unconsented] = createSchools({ seed: 14, po: 1, vo: 1 });
const entitlement = {
  entitlementId: random.guid(),
  productId: '9789000000007',
  entitlementType: 'school-student' as const,
  school: { organisationMasterIdentifier: school!.orgMasterId },
};
const activation = initialActivation(random, { entitlement });
const usage = entitlementUsage({ entitlement, entitlementStatus: 'licensed', activations: [activation] });
const deliveryOrderId = random.guid();

const source: UsageSource = {
  schools: [school!, unconsented!],
  getForEntitlement: (id) => (id === entitlement.entitlementId ? usage : undefined),
  listForContract: () => undefined,
  getForDeliveryOrder: (id) => (id === deliveryOrderId ? usageTotals(deliveryOrderId, [usage]) : undefined),
  listForSchool: () => [usageTotals(deliveryOrderId, [usage])],
  listForUser: () => [usage],
};

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

/** A Licentieregistratie (verzender and GET source) and an Aanspraakmanager, each on its own node server on 127.0.0.1. */
async function startChain() {
  const registry = { url: '' };
  const aanspraakmanager = createUsageOntvanger({
    ...FAST,
    store: createInMemoryExchangeStore(),
    authorization: () => 'am-token',
    confirmationUrl: (_peer, operation) => operationUrl(`${registry.url}/usage-api/v1`, operation),
    process: { reportInitialActivation: ({ body }) => ({ entitlementId: body.entitlementId, productId: body.productId, newEntitlementStatus: 'licensed' }) },
  });
  const amServer = await serveNode((request) => aanspraakmanager.answer(request), { apiVersion: usageApi.version, port: 0, host: '127.0.0.1' });
  const verzender = createUsageVerzender({
    ...FAST,
    store: createInMemoryExchangeStore(),
    baseUrl: `${amServer.url}/usage-api/v1`,
    authorization: () => 'lr-token',
    confirmationTimeoutMs: 5_000,
    source,
    // Identified callers, and the school's consent as the mock and a real bron check it.
    authenticate: (request) => ({ clientId: request.headers.get('authorization')!.slice('Bearer '.length), scopes: 'all' }),
    authorize: consentAuthorizer({ isActive: ({ clientId, orgMasterId }) => clientId === 'dashboard' && orgMasterId === school!.orgMasterId }),
  });
  const lrServer = await serveNode((request) => verzender.answer(request), { apiVersion: usageApi.version, port: 0, host: '127.0.0.1' });
  registry.url = lrServer.url;
  closers.push(
    () => amServer.close(),
    () => aanspraakmanager.close(),
    () => lrServer.close(),
    () => verzender.close(),
  );
  return { verzender, reader: createUsageClient({ baseUrl: `${lrServer.url}/usage-api/v1`, tokenProvider: staticToken('dashboard'), retry: false }) };
}

describe('Usage exchange and GETs over HTTP', () => {
  it('reports a first use and receives the typed confirmation', async () => {
    const { verzender } = await startChain();
    const { requestReferenceId: _generated, ...report } = activation;
    const handle = await verzender.reportInitialActivation(report);
    const { body } = await handle.confirmation;
    expect(body).toMatchObject({ requestReferenceId: handle.referenceId, entitlementId: entitlement.entitlementId, newEntitlementStatus: 'licensed' });
  });

  it('serves the GETs from the source: consent checked per school, 404 for an unknown id', async () => {
    const { reader } = await startChain();
    expect((await reader.getForEntitlement(entitlement.entitlementId)).data).toEqual(usage);
    expect((await reader.getForDeliveryOrder(deliveryOrderId)).data.deliveryOrderId).toBe(deliveryOrderId);
    expect((await reader.listForSchool({ orgMasterId: school!.orgMasterId })).data).toHaveLength(1);
    await expect(reader.listForContract(random.guid())).rejects.toMatchObject({ httpStatus: 404 });
    await expect(reader.listForSchool({ orgMasterId: unconsented!.orgMasterId })).rejects.toMatchObject({ httpStatus: 403, eduvStatus: 22 });
    await expect(reader.listForUser({ organisationMasterIdentifier: unconsented!.orgMasterId }, activation.user)).rejects.toMatchObject({
      httpStatus: 403,
      eduvStatus: 22,
    });
  });
});
