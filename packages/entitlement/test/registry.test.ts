import type { OperationDefinition } from '@eduvkit/core';
import { createRandom, createSchools } from '@eduvkit/core/fixtures';
import { describe, expect, it } from 'vitest';
import { entitlementApi } from '../src';
import {
  changeLicenseStatusRequest,
  entitlementConfirmation,
  entitlementRequest,
  fakeProductId,
  fakeStudentReference,
  licenseStatusConfirmation,
} from '../src/fixtures/index';

const operations: OperationDefinition[] = Object.values(entitlementApi.operations);
const exchanges = operations.filter((operation) => operation.exchange);
const school = createSchools({ seed: 1, po: 1, vo: 0 })[0]!;

/** A valid body for each message operation, so the reference fields can be read from real bodies. */
function bodies(): Record<string, Record<string, unknown>> {
  const random = createRandom(5);
  const request = entitlementRequest(random, { productId: fakeProductId(random), school, entitlementType: 'school-student' });
  const change = changeLicenseStatusRequest(random, { entitlement: request.entitlement, user: fakeStudentReference(random) });
  return {
    sendEntitlement: request,
    confirmEntitlement: entitlementConfirmation(request, { random, receiver: { role: 'Licentieregistratie' } }),
    changeLicenseStatus: change,
    confirmLicenseStatusChange: licenseStatusConfirmation(change, { random }),
  };
}

describe('the Entitlement registry', () => {
  it('pairs every request with its confirmation, over one reference field', () => {
    expect(exchanges.map((operation) => operation.operationId).sort()).toEqual([
      'changeLicenseStatus',
      'confirmEntitlement',
      'confirmLicenseStatusChange',
      'sendEntitlement',
    ]);
    for (const operation of exchanges) {
      const facts = operation.exchange!;
      const pair = entitlementApi.operations[facts.pair as keyof typeof entitlementApi.operations] as OperationDefinition;
      expect(pair.exchange?.pair).toBe(operation.operationId);
      expect(pair.exchange?.message).not.toBe(facts.message);
      expect(pair.exchange?.reference).toBe(facts.reference);
      expect(operation).toMatchObject({ method: 'PUT', interaction: 'push-async', successStatus: 202 });
    }
  });

  it('names reference, receipt and processing moment that a valid body carries and the schema requires', () => {
    const valid = bodies();
    for (const operation of exchanges) {
      const { reference, receipt, processedAt, message } = operation.exchange!;
      const body = valid[operation.operationId]!;
      const fields = message === 'confirmation' ? [reference, receipt!, processedAt!] : [reference];
      for (const field of fields) {
        expect(typeof body[field], `${operation.operationId}.${field}`).toBe('string');
        const { [field]: _dropped, ...without } = body;
        expect(operation.body!.safeParse(without).success, `${operation.operationId} without ${field}`).toBe(false);
      }
      expect(operation.body!.safeParse(body).success).toBe(true);
    }
  });

  it('says who implements each side: receivers the requests, the Aanspraakmanager confirmations and queries', () => {
    const implementer = (operation: OperationDefinition) => operation.implementedBy ?? entitlementApi.roles.implementing;
    for (const operation of operations) {
      const expected = operation.exchange?.message === 'request' ? 'Licentieregistratie' : 'Aanspraakmanager';
      expect(implementer(operation), operation.operationId).toBe(expected);
    }
    expect(entitlementApi).toMatchObject({ api: 'entitlement-api', basePath: '/entitlement-api/v0', consentRequired: true });
  });
});
