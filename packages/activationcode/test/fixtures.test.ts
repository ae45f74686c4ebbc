import { checkEan13 } from '@eduvkit/core';
import { createRandom } from '@eduvkit/core/fixtures';
import { createProductRange } from '@eduvkit/order/fixtures';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ActivationCodeConfirmationSchema,
  ActivationCodeRequestSchema,
  ActivationCodeRevokeConfirmationSchema,
  ActivationCodeRevokeRequestSchema,
  activationcodeApi,
} from '../src';
import { activationCodeConfirmation, activationCodeRequest, activationCodeRevokeConfirmation, activationCodeRevokeRequest } from '../src/fixtures';

function expectValid(schema: { safeParse(value: unknown): { success: boolean; error?: { issues: unknown } } }, body: unknown): void {
  const parsed = schema.safeParse(body);
  expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
}

/** Codes asked for and issued, then the first one revoked, all from one seed. */
function exchange(seed: number, refuse = false) {
  const random = createRandom(seed);
  const [product] = createProductRange(random.fork('products'), 1);
  const request = activationCodeRequest(random, { productId: product!.productId });
  const confirmation = activationCodeConfirmation(random, request);
  const revoke = activationCodeRevokeRequest(random, String(confirmation.activationCodes![0]), confirmation);
  const revokeConfirmation = activationCodeRevokeConfirmation(random, revoke, { refuse });
  return { request, confirmation, revoke, revokeConfirmation };
}

describe('ActivationCode fixtures', () => {
  it('build bodies that pass the generated schemas (property)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.boolean(), (seed, refuse) => {
        const { request, confirmation, revoke, revokeConfirmation } = exchange(seed, refuse);
        expectValid(ActivationCodeRequestSchema, request);
        expectValid(ActivationCodeConfirmationSchema, confirmation);
        expectValid(ActivationCodeRevokeRequestSchema, revoke);
        expectValid(ActivationCodeRevokeConfirmationSchema, revokeConfirmation);
        expect(checkEan13(request.productId)).toEqual({ ok: true });
        expect(new Set(confirmation.activationCodes).size).toBe(request.quantity);
        expect(confirmation.requestReferenceId).toBe(request.requestReferenceId);
        expect(revoke.responseReferenceId).toBe(confirmation.responseReferenceId);
        expect(revokeConfirmation.activationCode).toBe(revoke.activationCode);
        expect(revokeConfirmation.success).toBe(!refuse);
      }),
      { numRuns: 200 },
    );
  });

  it('refuse a code request without codes', () => {
    const random = createRandom(2);
    const refused = activationCodeConfirmation(random, activationCodeRequest(random, { productId: '9789006000009', quantity: 3 }), { refuse: true });
    expectValid(ActivationCodeConfirmationSchema, refused);
    expect(refused).toMatchObject({ success: false, status: 99 });
    expect(refused.activationCodes).toBeUndefined();
  });

  it('are deterministic per seed', () => {
    expect(JSON.stringify(exchange(9))).toBe(JSON.stringify(exchange(9)));
    expect(exchange(10).confirmation.activationCodes).not.toEqual(exchange(9).confirmation.activationCodes);
  });

  it('refuse what the schemas refuse: a zero quantity, a missing status, an empty code', () => {
    const { request, confirmation, revoke } = exchange(3);
    expect(ActivationCodeRequestSchema.safeParse({ ...request, quantity: 0 }).success).toBe(false);
    const { status: _dropped, ...withoutStatus } = confirmation;
    expect(ActivationCodeConfirmationSchema.safeParse(withoutStatus).success).toBe(false);
    expect(ActivationCodeRevokeRequestSchema.safeParse({ ...revoke, activationCode: '' }).success).toBe(false);
    // Codes are accepted as strings or as { activationCode } objects (the testlab renders objects).
    expect(ActivationCodeConfirmationSchema.safeParse({ ...confirmation, activationCodes: [{ activationCode: 'K7QM-2XPA-9RTL' }] }).success).toBe(true);
    expect(ActivationCodeConfirmationSchema.safeParse({ ...confirmation, activationCodes: [{ code: 'K7QM-2XPA-9RTL' }] }).success).toBe(false);
  });
});

describe('activationcodeApi exchange facts', () => {
  it('pair each request with its confirmation, naming fields the fixture confirmations carry', () => {
    const pairs = Object.values(activationcodeApi.operations).flatMap((operation) =>
      operation.exchange ? [[operation.operationId, operation.exchange.pair]] : [],
    );
    expect(Object.fromEntries(pairs)).toEqual({
      requestActivationCodes: 'confirmActivationCodes',
      confirmActivationCodes: 'requestActivationCodes',
      revokeActivationCode: 'confirmActivationCodeRevoke',
      confirmActivationCodeRevoke: 'revokeActivationCode',
    });
    const built = exchange(4);
    const answers = [
      [activationcodeApi.operations.confirmActivationCodes.exchange, built.request, built.confirmation],
      [activationcodeApi.operations.confirmActivationCodeRevoke.exchange, built.revoke, built.revokeConfirmation],
    ] as const;
    for (const [facts, sent, answer] of answers) {
      const body = answer as unknown as Record<string, unknown>;
      expect(body[facts.reference]).toBe((sent as unknown as Record<string, unknown>)[facts.reference]);
      expect(typeof body[facts.receipt]).toBe('string');
      expect(Number.isNaN(Date.parse(String(body[facts.processedAt])))).toBe(false);
    }
  });
});
