import { checkEan13, checkIsbn13, EduvConfigError } from '@eduvkit/core';
import { createRandom, createSchools } from '@eduvkit/core/fixtures';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CreditOrderConfirmationSchema, CreditOrderRequestSchema, OrderConfirmationSchema, OrderRequestSchema, orderApi, type OrderStatus } from '../src';
import { createProductRange, creditOrderConfirmation, creditOrderRequest, orderConfirmation, orderRequest } from '../src/fixtures';

const STATUSES: OrderStatus[] = ['pending', 'approved', 'declined'];
const [school] = createSchools({ seed: 4, po: 1, vo: 0 });

function expectValid(schema: { safeParse(value: unknown): { success: boolean; error?: { issues: unknown } } }, body: unknown): void {
  const parsed = schema.safeParse(body);
  expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
}

/** One whole exchange from one seed: an order, its confirmation, a credit and its confirmation. */
function exchange(seed: number, orderStatus: OrderStatus) {
  const random = createRandom(seed);
  const [product] = createProductRange(random.fork('products'), 1);
  const request = orderRequest(random, { productId: product!.productId, deliverTo: school! });
  const confirmation = orderConfirmation(random, request, { orderStatus });
  const credit = creditOrderRequest(random, request, confirmation);
  const creditConfirmation = creditOrderConfirmation(random, credit, { creditOrderStatus: orderStatus });
  return { request, confirmation, credit, creditConfirmation };
}

describe('Order fixtures', () => {
  it('build bodies that pass the generated schemas, for every order status (property)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.constantFrom(...STATUSES), (seed, status) => {
        const { request, confirmation, credit, creditConfirmation } = exchange(seed, status);
        expectValid(OrderRequestSchema, request);
        expectValid(OrderConfirmationSchema, confirmation);
        expectValid(CreditOrderRequestSchema, credit);
        expectValid(CreditOrderConfirmationSchema, creditConfirmation);
        expect(checkIsbn13(request.productId)).toEqual({ ok: true });
        expect(confirmation.requestReferenceId).toBe(request.requestReferenceId);
        expect(confirmation.success).toBe(status !== 'declined');
        expect(credit.responseReferenceId).toBe(confirmation.responseReferenceId);
        expect(creditConfirmation.requestReferenceId).toBe(credit.requestReferenceId);
      }),
      { numRuns: 200 },
    );
  });

  it('are deterministic per seed', () => {
    expect(JSON.stringify(exchange(9, 'approved'))).toBe(JSON.stringify(exchange(9, 'approved')));
    expect(exchange(10, 'approved').request.requestReferenceId).not.toBe(exchange(9, 'approved').request.requestReferenceId);
  });

  it('give a product range of distinct EAN-13 ids, digital and physical', () => {
    const range = createProductRange(createRandom(1), 50);
    expect(new Set(range.map((product) => product.productId)).size).toBe(50);
    expect(range.every((product) => checkEan13(product.productId).ok)).toBe(true);
    expect(new Set(range.map((product) => product.type))).toEqual(new Set(['digital', 'physical']));
    expect(() => createProductRange(createRandom(1), -1)).toThrow(EduvConfigError);
    expect(() => createProductRange(createRandom(1), -1)).toThrow('createProductRange(): count must be a non-negative integer, got -1');
  });

  it('refuse what the schemas refuse: a zero quantity, a missing orderStatus, an unknown status', () => {
    const { request, confirmation } = exchange(3, 'approved');
    expect(OrderRequestSchema.safeParse({ ...request, quantity: 0 }).success).toBe(false);
    const { orderStatus: _dropped, ...withoutStatus } = confirmation;
    expect(OrderConfirmationSchema.safeParse(withoutStatus).success).toBe(false);
    expect(OrderConfirmationSchema.safeParse({ ...confirmation, orderStatus: 'accepted' }).success).toBe(false);
    expect(OrderRequestSchema.safeParse({ ...request, requestReferenceId: 'not-a-uuid' }).success).toBe(false);
  });
});

describe('orderApi exchange facts', () => {
  const exchanges = Object.values(orderApi.operations).flatMap((operation) =>
    operation.exchange ? [[operation.operationId, operation.exchange] as const] : [],
  );

  it('put every push-async operation in a pair whose halves name each other', () => {
    const pushAsync = Object.values(orderApi.operations).filter((operation) => operation.interaction === 'push-async');
    expect(exchanges.map(([id]) => id).sort()).toEqual(pushAsync.map((operation) => operation.operationId).sort());
    for (const [id, facts] of exchanges) {
      const pair = orderApi.operations[facts.pair].exchange;
      expect(pair.pair).toBe(id);
      expect(pair.reference).toBe(facts.reference);
      expect(pair.message).not.toBe(facts.message);
    }
    expect(Object.fromEntries(exchanges.map(([id, facts]) => [id, facts.pair]))).toEqual({
      placeOrder: 'confirmOrder',
      confirmOrder: 'placeOrder',
      placeCreditOrder: 'confirmCreditOrder',
      confirmCreditOrder: 'placeCreditOrder',
    });
  });

  it('name fields that the fixture confirmations carry, echoing the request reference', () => {
    const { request, confirmation, credit, creditConfirmation } = exchange(5, 'approved');
    const pairs = [
      [orderApi.operations.confirmOrder.exchange, request, confirmation],
      [orderApi.operations.confirmCreditOrder.exchange, credit, creditConfirmation],
    ] as const;
    for (const [facts, sent, answer] of pairs) {
      const body = answer as unknown as Record<string, unknown>;
      expect(body[facts.reference]).toBe((sent as unknown as Record<string, unknown>)[facts.reference]);
      expect(typeof body[facts.receipt]).toBe('string');
      expect(Number.isNaN(Date.parse(String(body[facts.processedAt])))).toBe(false);
    }
  });
});
