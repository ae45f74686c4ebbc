import { checkEan13, checkIsbn13 } from '@eduvkit/core';
import { createRandom, createSchools, type FixtureSchool } from '@eduvkit/core/fixtures';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EntitlementStatus, EntitlementType } from '../src';
import {
  changeLicenseStatusRequest,
  entitlementConfirmation,
  entitlementRequest,
  fakeProductId,
  fakeStudentReference,
  licenseStatusConfirmation,
} from '../src/fixtures/index';
import {
  ChangeLicenseStatusConfirmationSchema,
  ChangeLicenseStatusSchema,
  EntitlementConfirmationSchema,
  EntitlementRequestSchema,
} from '../src/generated/schemas';

const TYPES: EntitlementType[] = ['school-student', 'school-employee', 'school-activationcode', 'customer-student', 'customer-activationcode'];
const STATUSES: EntitlementStatus[] = ['created', 'entitled', 'licensed', 'cancelled', 'blocked'];
const school: FixtureSchool = createSchools({ seed: 7, po: 1, vo: 0 })[0]!;

function expectValid(schema: { safeParse(value: unknown): { success: boolean; error?: { issues: unknown } } }, value: unknown): void {
  const parsed = schema.safeParse(value);
  expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
}

/** One full exchange of each kind, built from one seed. */
function buildAll(seed: number, entitlementType: EntitlementType, entitlementStatus: EntitlementStatus, kind: 'isbn' | 'ean') {
  const random = createRandom(seed);
  const productId = fakeProductId(random, kind);
  const request = entitlementRequest(random, { productId, school, entitlementType, entitlementStatus, deliveryOrderId: random.guid() });
  const byRegistry = entitlementConfirmation(request, { random, receiver: { role: 'Licentieregistratie' } });
  const byPortal = entitlementConfirmation(request, { random, receiver: { role: 'Leermiddelenportaal', portal: 'portal-1' } });
  const change = changeLicenseStatusRequest(random, { entitlement: request.entitlement, user: fakeStudentReference(random) });
  const changed = licenseStatusConfirmation(change, { random });
  const refused = licenseStatusConfirmation(change, { random, refusal: { status: 99, statusMessage: 'licence unknown' } });
  return { productId, request, byRegistry, byPortal, change, changed, refused };
}

const cases = fc.tuple(
  fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  fc.constantFrom(...TYPES),
  fc.constantFrom(...STATUSES),
  fc.constantFrom('isbn' as const, 'ean' as const),
);

describe('Entitlement fixtures', () => {
  it('build request and confirmation bodies that pass the generated schemas', () => {
    fc.assert(
      fc.property(cases, ([seed, type, status, kind]) => {
        const built = buildAll(seed, type, status, kind);
        expectValid(EntitlementRequestSchema, built.request);
        expectValid(EntitlementConfirmationSchema, built.byRegistry);
        expectValid(EntitlementConfirmationSchema, built.byPortal);
        expectValid(ChangeLicenseStatusSchema, built.change);
        expectValid(ChangeLicenseStatusConfirmationSchema, built.changed);
        expectValid(ChangeLicenseStatusConfirmationSchema, built.refused);
      }),
      { numRuns: 200 },
    );
  });

  it('keep the rules the schemas cannot express: school on school-* types, endDate once ended, valid product ids', () => {
    fc.assert(
      fc.property(cases, ([seed, type, status, kind]) => {
        const { productId, request } = buildAll(seed, type, status, kind);
        expect(checkEan13(productId).ok).toBe(true);
        expect(checkIsbn13(productId).ok).toBe(kind === 'isbn');
        const { entitlement } = request;
        expect(entitlement.school !== undefined).toBe(type.startsWith('school-'));
        expect(entitlement.endDate !== undefined).toBe(status === 'cancelled' || status === 'blocked');
        expect(entitlement.startDate < entitlement.activationUntilDate).toBe(true);
      }),
    );
  });

  it('echo the request in each confirmation and answer as the receiver would', () => {
    const { request, byRegistry, byPortal, change, changed, refused } = buildAll(3, 'school-student', 'created', 'isbn');
    for (const confirmation of [byRegistry, byPortal]) {
      expect(confirmation.entitlementReferenceId).toBe(request.entitlementReferenceId);
      expect(confirmation.entitlementId).toBe(request.entitlement.entitlementId);
      expect(confirmation.entitlementReceiveId).not.toBe(request.entitlementReferenceId);
    }
    expect(byRegistry.newEntitlementStatus).toBe('entitled');
    expect(byPortal.newUrlStatus).toEqual({ portal: 'portal-1', urlStatus: 'processed' });
    expect(changed).toMatchObject({ entitlementAndLicenseReferenceId: change.entitlementAndLicenseReferenceId, success: true, newLicenseStatus: 'blocked' });
    expect(refused).toMatchObject({ success: false, status: 99, statusMessage: 'licence unknown' });
  });

  it('are deterministic per seed', () => {
    expect(buildAll(42, 'school-employee', 'blocked', 'ean')).toEqual(buildAll(42, 'school-employee', 'blocked', 'ean'));
    expect(buildAll(42, 'school-employee', 'blocked', 'ean')).not.toEqual(buildAll(43, 'school-employee', 'blocked', 'ean'));
  });

  it('take the moment of processing when given, in Edu-V UTC form', () => {
    const random = createRandom(1);
    const request = entitlementRequest(random, { productId: fakeProductId(random), school });
    const confirmation = entitlementConfirmation(request, {
      random,
      receiver: { role: 'Licentieregistratie' },
      processedAt: new Date('2026-01-05T10:11:12.345Z'),
    });
    expect(confirmation.processedTimestamp).toBe('2026-01-05T10:11:12Z');
  });
});
