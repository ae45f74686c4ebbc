import { checkEan13, ean13CheckDigit } from '@eduvkit/core';
import { createRandom, createSchools, type Random } from '@eduvkit/core/fixtures';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EntitlementStatus, EntitlementType } from '../src';
import { entitlementUsage, initialActivation, initialActivationConfirmation, usageTotals, type ActivatedEntitlement } from '../src/fixtures/index';
import { EntitlementUsageSchema, InitialActivationConfirmationSchema, InitialActivationSchema, UsageTotalsSchema } from '../src/generated/schemas';

const TYPES: EntitlementType[] = ['school-student', 'school-employee', 'school-activationcode', 'customer-student', 'customer-activationcode'];
const STATUSES: EntitlementStatus[] = ['created', 'entitled', 'licensed', 'cancelled', 'blocked'];
const school = createSchools({ seed: 11, po: 0, vo: 1 })[0]!;

/** An ISBN-13 with a valid check digit, as the Aanspraakmanager's entitlements carry. */
function isbn(random: Random): string {
  const first12 = `978${String(random.int(0, 999_999_999)).padStart(9, '0')}`;
  return `${first12}${ean13CheckDigit(first12)}`;
}

function entitlementOf(random: Random, entitlementType: EntitlementType): ActivatedEntitlement {
  return {
    entitlementId: random.guid(),
    productId: isbn(random),
    entitlementType,
    ...(entitlementType.startsWith('school-') ? { school: { organisationMasterIdentifier: school.orgMasterId } } : {}),
  };
}

function parses(schema: { safeParse(value: unknown): { success: boolean; error?: { issues: unknown } } }, value: unknown): void {
  const result = schema.safeParse(value);
  expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
}

describe('Usage fixtures', () => {
  it('build InitialActivations, their confirmations and usage answers that pass the generated schemas', () => {
    const arbitrary = fc.tuple(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.constantFrom(...TYPES), fc.array(fc.constantFrom(...STATUSES), { maxLength: 6 }));
    fc.assert(
      fc.property(arbitrary, ([seed, type, statuses]) => {
        const random = createRandom(seed);
        const entitlement = entitlementOf(random, type);
        const activation = initialActivation(random, { entitlement });
        parses(InitialActivationSchema, activation);
        parses(InitialActivationConfirmationSchema, initialActivationConfirmation(activation, { random }));
        expect(checkEan13(activation.productId).ok).toBe(true);
        expect(activation.school !== undefined).toBe(type.startsWith('school-'));
        expect(activation.activationCode !== undefined).toBe(type.endsWith('-activationcode'));
        const usages = statuses.map((entitlementStatus) =>
          entitlementUsage({ entitlement: entitlementOf(random, type), entitlementStatus, activations: [initialActivation(random, { entitlement })] }),
        );
        for (const usage of usages) parses(EntitlementUsageSchema, usage);
        parses(UsageTotalsSchema, usageTotals('do-1', usages));
      }),
      { numRuns: 200 },
    );
  });

  it('name a student by ECK iD and an employee by a secondary id', () => {
    const random = createRandom(2);
    expect(initialActivation(random, { entitlement: entitlementOf(random, 'school-student') }).user.userMasterIdentifier).toMatch(
      /^https:\/\/ketenid\.nl\/201703\/[0-9a-f]{128}$/,
    );
    const employee = initialActivation(random, { entitlement: entitlementOf(random, 'school-employee') }).user;
    expect(employee.userMasterIdentifier).toBeUndefined();
    expect(employee.userIds?.[0]?.userIdType).toBe('ASI');
  });

  it('confirm an activation by echoing its reference and licensing the entitlement', () => {
    const random = createRandom(3);
    const activation = initialActivation(random, { entitlement: entitlementOf(random, 'school-student') });
    const confirmation = initialActivationConfirmation(activation, { random, processedAt: new Date('2025-09-12T08:00:00.999Z') });
    expect(confirmation).toMatchObject({
      requestReferenceId: activation.requestReferenceId,
      entitlementId: activation.entitlementId,
      productId: activation.productId,
      processedTimestamp: '2025-09-12T08:00:00Z',
      newEntitlementStatus: 'licensed',
    });
    expect(confirmation.responseReferenceId).not.toBe(activation.requestReferenceId);
  });

  it('count totals per status and list only the licensed entitlements', () => {
    const random = createRandom(4);
    const usageWith = (entitlementStatus: EntitlementStatus) =>
      entitlementUsage({ entitlement: entitlementOf(random, 'school-student'), entitlementStatus, activations: [] });
    const usages = (['licensed', 'licensed', 'entitled', 'blocked', 'created'] as const).map(usageWith);
    const totals = usageTotals('do-7', usages);
    expect(totals).toMatchObject({ deliveryOrderId: 'do-7', totalLicensed: 2, totalEntitled: 1, totalBlocked: 1, totalCancelled: 0, totalExpired: 0 });
    expect(totals.entitlements.map((usage) => usage.entitlementId)).toEqual([usages[0]!.entitlementId, usages[1]!.entitlementId]);
  });

  it('are deterministic per seed', () => {
    const build = (seed: number) => {
      const random = createRandom(seed);
      return initialActivation(random, { entitlement: entitlementOf(random, 'customer-activationcode') });
    };
    expect(build(8)).toEqual(build(8));
    expect(build(8)).not.toEqual(build(9));
  });
});
