import { type ApiClientOptions, type CallOptions, type EduvResponse } from '@eduvkit/core';
import type { CreditOrderConfirmation, CreditOrderRequest, OrderConfirmation, OrderRequest } from './generated/models';
import { createOrderMethods } from './generated/client';

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
  return createOrderMethods(options);
}
