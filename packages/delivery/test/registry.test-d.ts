import { createApiClient, type EduvResponse } from '@eduvkit/core';
import { describe, expectTypeOf, it } from 'vitest';
import { deliveryApi, type DeliveryOperations, type DeliveryOrder, type DeliveryOrderConfirmation, type DeliveryOrderRequest } from '../src';

const client = createApiClient(deliveryApi, { baseUrl: 'https://bestelomgeving.example/delivery-api/v2' });

describe('the Delivery registry is typed from its spec', () => {
  it('has the exchange pair and the three reads', () => {
    expectTypeOf<keyof typeof deliveryApi.operations>().toEqualTypeOf<
      'sendDeliveryOrder' | 'confirmDeliveryOrder' | 'getDeliveryOrder' | 'listDeliveryOrdersForSchool' | 'listDeliveryOrdersForUser'
    >();
    expectTypeOf(deliveryApi.operations.confirmDeliveryOrder.exchange.receipt).toEqualTypeOf<'deliveryOrderReceiveId'>();
  });

  it('accepts the model types as request and confirmation bodies and answers reads with delivery orders', () => {
    expectTypeOf<DeliveryOrderRequest>().toExtend<DeliveryOperations['sendDeliveryOrder']['request']['body']>();
    expectTypeOf<DeliveryOrderConfirmation>().toExtend<DeliveryOperations['confirmDeliveryOrder']['request']['body']>();
    expectTypeOf(client.call('getDeliveryOrder', { path: { id: 'd1' } })).resolves.toEqualTypeOf<EduvResponse<DeliveryOrder>>();
    expectTypeOf(client.call('listDeliveryOrdersForSchool', { query: { orgMasterId: '104A158', status: 'licensed' } })).resolves.toEqualTypeOf<
      EduvResponse<DeliveryOrder[]>
    >();
  });

  it('refuses a wrong status, a vestiging id or a confirmation without its outcome', () => {
    // @ts-expect-error: a delivery order is ordered, processed, licensed or cancelled
    client.call('listDeliveryOrdersForSchool', { query: { orgMasterId: '104A158', status: 'delivered' } });
    // @ts-expect-error: the Delivery API takes no vestiging id
    client.call('listDeliveryOrdersForSchool', { query: { orgId: '09QQ00', orgIdType: 'V_ID' } });
    client.call('confirmDeliveryOrder', {
      // @ts-expect-error: success and status are required
      body: { deliveryOrderReferenceId: 'r', deliveryOrderReceiveId: 's', deliveryOrderId: 'd', productId: 'p', processedTimestamp: '2025-09-01T00:00:00Z' },
    });
  });
});
