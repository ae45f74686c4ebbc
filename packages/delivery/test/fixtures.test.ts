import { checkEan13 } from '@eduvkit/core';
import { createRandom, createSchools } from '@eduvkit/core/fixtures';
import { createProductRange } from '@eduvkit/order/fixtures';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DeliveryOrderConfirmationSchema, DeliveryOrderRequestSchema, DeliveryOrderSchema, DeliveryTypeSchema, deliveryApi, type DeliveryType } from '../src';
import { deliveryOrder, deliveryOrderConfirmation, deliveryOrderRequest } from '../src/fixtures';

const DELIVERY_TYPES = DeliveryTypeSchema.options;
const schools = createSchools({ seed: 6, po: 1, vo: 1 });

function expectValid(schema: { safeParse(value: unknown): { success: boolean; error?: { issues: unknown } } }, body: unknown): void {
  const parsed = schema.safeParse(body);
  expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
}

/** A delivery order, its request and a confirmation, all from one seed. */
function exchange(seed: number, deliveryType: DeliveryType, schoolIndex: number, refuse = false) {
  const random = createRandom(seed);
  const [product] = createProductRange(random.fork('products'), 1);
  const order = deliveryOrder(random, { productId: product!.productId, school: schools[schoolIndex]!, deliveryType, activationCodes: ['K7QM-2XPA-9RTL'] });
  const request = deliveryOrderRequest(random, order);
  return { order, request, confirmation: deliveryOrderConfirmation(random, request, { refuse }) };
}

describe('Delivery fixtures', () => {
  it('build bodies that pass the generated schemas, for every delivery type (property)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.constantFrom(...DELIVERY_TYPES), fc.constantFrom(0, 1), fc.boolean(), (seed, deliveryType, schoolIndex, refuse) => {
        const { order, request, confirmation } = exchange(seed, deliveryType, schoolIndex, refuse);
        expectValid(DeliveryOrderSchema, order);
        expectValid(DeliveryOrderRequestSchema, request);
        expectValid(DeliveryOrderConfirmationSchema, confirmation);
        expect(checkEan13(order.productId)).toEqual({ ok: true });
        expect(order.buyer.school?.organisationMasterIdentifier).toBe(schools[schoolIndex]!.orgMasterId);
        expect(confirmation.deliveryOrderReferenceId).toBe(request.deliveryOrderReferenceId);
        expect(confirmation.deliveryOrderId).toBe(order.deliveryOrderId);
        expect(confirmation.success).toBe(!refuse);
        expect(confirmation.newStatus).toBe(refuse ? undefined : 'processed');
      }),
      { numRuns: 200 },
    );
  });

  it('shape the specification by delivery type', () => {
    expect(exchange(1, 'school-students', 1).order.deliverySpecification.students?.[0]?.userMasterIdentifier).toMatch(
      /^https:\/\/ketenid\.nl\/201703\/[0-9a-f]{128}$/,
    );
    expect(exchange(1, 'school-activationcodes', 1).order.deliverySpecification).toEqual({ quantity: 1, activationCodes: ['K7QM-2XPA-9RTL'] });
    expect(exchange(1, 'customer-user', 0).order.buyer.user?.userIds?.[0]?.userIdType).toBe('eduID');
    expect(exchange(1, 'school-studies', 0).order.deliverySpecification.studies).toHaveLength(2);
  });

  it('are deterministic per seed', () => {
    expect(JSON.stringify(exchange(9, 'school-groups', 1))).toBe(JSON.stringify(exchange(9, 'school-groups', 1)));
    expect(exchange(10, 'school-groups', 1).order.deliveryOrderId).not.toBe(exchange(9, 'school-groups', 1).order.deliveryOrderId);
  });

  it('refuse what the schemas refuse: an unknown delivery type, a confirmation without success, a bad date', () => {
    const { order, request, confirmation } = exchange(2, 'school-all', 0);
    expect(DeliveryOrderSchema.safeParse({ ...order, deliveryType: 'school-everyone' }).success).toBe(false);
    const { success: _dropped, ...withoutSuccess } = confirmation;
    expect(DeliveryOrderConfirmationSchema.safeParse(withoutSuccess).success).toBe(false);
    expect(DeliveryOrderRequestSchema.safeParse({ ...request, deliveryOrder: { ...order, startDate: '01-08-2025' } }).success).toBe(false);
  });
});

describe('deliveryApi exchange facts', () => {
  it('pair sendDeliveryOrder and confirmDeliveryOrder on deliveryOrderReferenceId, naming fields the confirmation carries', () => {
    const request = deliveryApi.operations.sendDeliveryOrder.exchange;
    const confirmation = deliveryApi.operations.confirmDeliveryOrder.exchange;
    expect(request).toEqual({ message: 'request', reference: 'deliveryOrderReferenceId', pair: 'confirmDeliveryOrder' });
    expect(confirmation.pair).toBe('sendDeliveryOrder');
    expect(confirmation.reference).toBe(request.reference);
    const built = exchange(4, 'school-all', 0);
    const body = built.confirmation as unknown as Record<string, unknown>;
    expect(body[confirmation.reference]).toBe(built.request.deliveryOrderReferenceId);
    expect(typeof body[confirmation.receipt]).toBe('string');
    expect(Number.isNaN(Date.parse(String(body[confirmation.processedAt])))).toBe(false);
    const withExchange = Object.values(deliveryApi.operations)
      .filter((operation) => 'exchange' in operation)
      .map((operation) => operation.operationId);
    const pushAsync = Object.values(deliveryApi.operations)
      .filter((operation) => operation.interaction === 'push-async')
      .map((operation) => operation.operationId);
    expect(withExchange.sort()).toEqual(pushAsync.sort());
  });
});
