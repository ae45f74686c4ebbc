import { createApiClient, type ApiClientOptions, type CallOptions, type EduvResponse } from '@eduvkit/core';
import type { CreditOrderConfirmation, CreditOrderRequest, OrderConfirmation, OrderRequest } from './generated/models';
import { orderApi } from './generated/registry';

export type OrderRequestOptions = Pick<CallOptions, 'signal' | 'timeoutMs' | 'headers'>;

/**
 * One method per operation of the Order API, each a single PUT returning its 202. It neither
 * creates reference ids, retries, nor awaits the confirmation: `createOrderVerzender` does that.
 */
export interface OrderClient {
  /** `PUT /orders` at the Ordersysteem (as Bestelomgeving). */
  placeOrder(order: OrderRequest, options?: OrderRequestOptions): Promise<EduvResponse<undefined>>;
  /** `PUT /orders/confirmations` at the Bestelomgeving (as Ordersysteem). */
  confirmOrder(confirmation: OrderConfirmation, options?: OrderRequestOptions): Promise<EduvResponse<undefined>>;
  /** `PUT /creditorders` at the Ordersysteem (as Bestelomgeving). */
  placeCreditOrder(creditOrder: CreditOrderRequest, options?: OrderRequestOptions): Promise<EduvResponse<undefined>>;
  /** `PUT /creditorders/confirmations` at the Bestelomgeving (as Ordersysteem). */
  confirmCreditOrder(confirmation: CreditOrderConfirmation, options?: OrderRequestOptions): Promise<EduvResponse<undefined>>;
}

/** Client for both roles of the Order API. */
export function createOrderClient(options: ApiClientOptions): OrderClient {
  const client = createApiClient(orderApi, options);
  return {
    placeOrder: (body, request = {}) => client.call('placeOrder', { ...request, body }),
    confirmOrder: (body, request = {}) => client.call('confirmOrder', { ...request, body }),
    placeCreditOrder: (body, request = {}) => client.call('placeCreditOrder', { ...request, body }),
    confirmCreditOrder: (body, request = {}) => client.call('confirmCreditOrder', { ...request, body }),
  };
}
