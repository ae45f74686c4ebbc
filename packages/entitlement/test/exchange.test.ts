import { staticToken } from '@eduvkit/core';
import { createInMemoryExchangeStore, operationUrl } from '@eduvkit/core/exchange';
import { createRandom, createSchools } from '@eduvkit/core/fixtures';
import { BronError } from '@eduvkit/core/server';
import { serveNode } from '@eduvkit/core/server/node';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createEntitlementClient,
  createEntitlementOntvanger,
  createEntitlementVerzender,
  entitlementApi,
  sendInCriticalOrder,
  type EntitlementProcessors,
  type EntitlementSource,
} from '../src/index';
import { createEntitlement, fakeProductId, fakeStudentReference } from '../src/fixtures/index';

// Fast loops, and parties that accept any bearer token: these tests are about the exchange, not tokens.
const FAST = { pollIntervalMs: 20, retry: { baseDelayMs: 10, maxDelayMs: 50 }, dangerouslyAcceptAnyToken: true };
const random = createRandom(13);
const [school, unconsented] = createSchools({ seed: 13, po: 1, vo: 1 });
const entitlement = createEntitlement(random, {
  productId: fakeProductId(random),
  school: school!,
  entitlementType: 'school-student',
  deliveryOrderId: random.guid(),
});

const source: EntitlementSource = {
  schools: [school!, unconsented!],
  getEntitlement: (id) => (id === entitlement.entitlementId ? entitlement : undefined),
  listForSchool: (resolved) => (resolved.school.orgMasterId === school!.orgMasterId ? [entitlement] : []),
  listForDeliveryOrder: (id) => (id === entitlement.deliveryOrderId ? [entitlement] : []),
  listForUser: () => [],
};

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

const serve = async (answer: Parameters<typeof serveNode>[0]) => {
  const server = await serveNode(answer, { apiVersion: entitlementApi.version, port: 0, host: '127.0.0.1' });
  closers.push(() => server.close());
  return server.url;
};

/** A receiver on its own server, confirming what it processes to `confirmTo`. */
async function startReceiver(confirmTo: () => string, process: EntitlementProcessors) {
  const ontvanger = createEntitlementOntvanger({
    ...FAST,
    store: createInMemoryExchangeStore(),
    process,
    authorization: () => 'receiver-token',
    confirmationUrl: (_peer, operation) => operationUrl(confirmTo(), operation),
  });
  closers.push(() => ontvanger.close());
  return `${await serve((request) => ontvanger.answer(request))}/entitlement-api/v0`;
}

/** The Aanspraakmanager: one verzender per receiver, each under its own base path and store, on one server. */
async function startAanspraakmanager(registryUrl: string, portalUrl: string, own = { url: '' }) {
  const verzender = (basePath: string, baseUrl: string) =>
    createEntitlementVerzender({
      ...FAST,
      store: createInMemoryExchangeStore(),
      basePath,
      baseUrl,
      authorization: () => 'am-token',
      confirmationTimeoutMs: 5_000,
      source,
      authorize: (_caller, resolved) => {
        if (resolved.school.orgMasterId !== school!.orgMasterId) throw BronError.consentRequired();
      },
    });
  const toRegistry = verzender('/lr/entitlement-api/v0', registryUrl);
  const toPortal = verzender('/portal/entitlement-api/v0', portalUrl);
  closers.push(
    () => toRegistry.close(),
    () => toPortal.close(),
  );
  own.url = await serve(async (request) => (await toRegistry.answer(request)) ?? toPortal.answer(request));
  return { toRegistry, toPortal, own };
}

describe('Entitlement exchange and GETs over HTTP', () => {
  it('sends an entitlement to the Licentieregistratie and, once it confirmed, to the Leermiddelenportaal (§12.8)', async () => {
    const steps: string[] = [];
    let portalReceivedAt: Date | undefined;
    const own = { url: '' };
    const registryUrl = await startReceiver(() => `${own.url}/lr/entitlement-api/v0`, {
      sendEntitlement: ({ body }) => {
        steps.push('registry processed');
        return { entitlementId: body.entitlement.entitlementId, productId: body.entitlement.productId, newEntitlementStatus: 'entitled' };
      },
    });
    const portalUrl = await startReceiver(() => `${own.url}/portal/entitlement-api/v0`, {
      sendEntitlement: ({ body, receivedAt }) => {
        steps.push('portal processed');
        portalReceivedAt = receivedAt;
        return {
          entitlementId: body.entitlement.entitlementId,
          productId: body.entitlement.productId,
          newUrlStatus: { portal: 'eduvkit-portal', urlStatus: 'processed' },
        };
      },
    });
    const am = await startAanspraakmanager(registryUrl, portalUrl, own);

    const { registered, shown } = await sendInCriticalOrder(am.toRegistry, am.toPortal, { entitlement });

    expect(steps).toEqual(['registry processed', 'portal processed']);
    expect(portalReceivedAt!.getTime()).toBeGreaterThanOrEqual(registered.confirmedAt.getTime());
    expect(shown.referenceId).not.toBe(registered.referenceId);
    expect(registered.body).toMatchObject({ entitlementId: entitlement.entitlementId, newEntitlementStatus: 'entitled' });
    expect(shown.body).toMatchObject({ entitlementId: entitlement.entitlementId, newUrlStatus: { urlStatus: 'processed' } });
  });

  it('changes a licence status and receives the typed confirmation', async () => {
    const own = { url: '' };
    const registryUrl = await startReceiver(() => `${own.url}/lr/entitlement-api/v0`, {
      changeLicenseStatus: ({ body }) => ({
        entitlementId: body.entitlementId,
        productId: body.productId,
        newLicenseStatus: body.newLicenseStatus,
        success: true,
        status: 0,
      }),
    });
    const am = await startAanspraakmanager(registryUrl, registryUrl, own);
    const user = fakeStudentReference(random);
    const handle = await am.toRegistry.changeLicenseStatus({
      entitlementId: entitlement.entitlementId,
      productId: entitlement.productId,
      user,
      newLicenseStatus: 'blocked',
    });
    expect((await handle.confirmation).body).toMatchObject({
      entitlementAndLicenseReferenceId: handle.referenceId,
      newLicenseStatus: 'blocked',
      success: true,
    });
  });

  it('serves the GETs from the source: consent checked per school, 404 for an unknown id', async () => {
    const { own } = await startAanspraakmanager('http://127.0.0.1:9/entitlement-api/v0', 'http://127.0.0.1:9/entitlement-api/v0');
    const reader = createEntitlementClient({ baseUrl: `${own.url}/lr/entitlement-api/v0`, tokenProvider: staticToken('portal'), retry: false });
    expect((await reader.listForSchool({ orgMasterId: school!.orgMasterId })).data).toEqual([entitlement]);
    expect((await reader.listForDeliveryOrder(entitlement.deliveryOrderId!)).data).toEqual([entitlement]);
    expect((await reader.get(entitlement.entitlementId)).data).toEqual(entitlement);
    await expect(reader.get(random.guid())).rejects.toMatchObject({ httpStatus: 404 });
    await expect(reader.listForSchool({ orgMasterId: unconsented!.orgMasterId })).rejects.toMatchObject({ httpStatus: 403, eduvStatus: 22 });
  });
});
