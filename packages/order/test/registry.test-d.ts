import { createApiClient, type EduvResponse, type ExchangeFacts } from '@eduvkit/core';
import { describe, expectTypeOf, it } from 'vitest';
import { orderApi, type CreditOrderConfirmation, type CreditOrderRequest, type OrderConfirmation, type OrderOperations, type OrderRequest } from '../src';

const client = createApiClient(orderApi, { baseUrl: 'https://ordersysteem.example/order-api/v0' });

describe('the Order registry is typed from its spec', () => {
  it('has exactly the four operations, each with its exchange facts', () => {
    expectTypeOf<keyof typeof orderApi.operations>().toEqualTypeOf<'placeOrder' | 'confirmOrder' | 'placeCreditOrder' | 'confirmCreditOrder'>();
    expectTypeOf(orderApi.operations.placeOrder.exchange).toExtend<ExchangeFacts>();
    expectTypeOf(orderApi.operations.confirmOrder.exchange.receipt).toEqualTypeOf<'responseReferenceId'>();
  });

  it('accepts the model types as request and confirmation bodies of each exchange', () => {
    expectTypeOf<OrderRequest>().toExtend<OrderOperations['placeOrder']['request']['body']>();
    expectTypeOf<OrderConfirmation>().toExtend<OrderOperations['confirmOrder']['request']['body']>();
    expectTypeOf<CreditOrderRequest>().toExtend<OrderOperations['placeCreditOrder']['request']['body']>();
    expectTypeOf<CreditOrderConfirmation>().toExtend<OrderOperations['confirmCreditOrder']['request']['body']>();
    expectTypeOf(
      client.call('placeOrder', { body: { requestReferenceId: 'r', purchaseOrderId: 'PO-1', productId: '9789000000000', quantity: 1 } }),
    ).resolves.toEqualTypeOf<EduvResponse<undefined>>();
  });

  it('refuses a body that misses a required field or uses an unknown status', () => {
    // @ts-expect-error: an order names its product
    client.call('placeOrder', { body: { requestReferenceId: 'r', purchaseOrderId: 'PO-1', quantity: 1 } });
    client.call('confirmOrder', {
      // @ts-expect-error: orderStatus is pending, approved or declined
      body: { requestReferenceId: 'r', responseReferenceId: 's', processedTimestamp: '2025-09-01T00:00:00Z', orderStatus: 'accepted' },
    });
    // @ts-expect-error: a credit order names the purchase order to credit
    client.call('placeCreditOrder', { body: { requestReferenceId: 'r' } });
    // @ts-expect-error: the operation is placeOrder
    client.call('sendOrder', { body: {} });
  });
});
