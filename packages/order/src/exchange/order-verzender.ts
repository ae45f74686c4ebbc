import { createVerzender, type ExchangeConfirmation, type SentHandle, type Verzender, type VerzenderOptions } from '@eduvkit/core/exchange';
import type { CreditOrderConfirmation, CreditOrderRequest, OrderConfirmation, OrderRequest } from '../generated/models';
import { orderApi } from '../generated/registry';
import type { Without } from '@eduvkit/core';

/** A request as `send` takes it: the reference id is generated unless given. */
export type OrderToSend<T> = Without<T, 'requestReferenceId'> & { readonly requestReferenceId?: string };

/** A SentHandle whose confirmation body has the confirmation operation's type. */
export interface OrderSentHandle<C> extends Omit<SentHandle, 'confirmation'> {
  readonly confirmation: Promise<ExchangeConfirmation & { readonly body: C }>;
}

export type OrderVerzenderOptions = Omit<VerzenderOptions<typeof orderApi>, 'registry' | 'operations' | 'handlers'>;

/** The Bestelomgeving leermiddelen: orders and credit orders sent, their confirmations received (as a Bron). */
export interface OrderVerzender extends Verzender {
  placeOrder(order: OrderToSend<OrderRequest>): Promise<OrderSentHandle<OrderConfirmation>>;
  placeCreditOrder(creditOrder: OrderToSend<CreditOrderRequest>): Promise<OrderSentHandle<CreditOrderConfirmation>>;
}

/** `createVerzender` for the Order API, typed by operation. */
export function createOrderVerzender(options: OrderVerzenderOptions): OrderVerzender {
  const verzender = createVerzender({ ...options, registry: orderApi });
  return {
    ...verzender,
    placeOrder: (order) => verzender.send('placeOrder', order) as Promise<OrderSentHandle<OrderConfirmation>>,
    placeCreditOrder: (creditOrder) => verzender.send('placeCreditOrder', creditOrder) as Promise<OrderSentHandle<CreditOrderConfirmation>>,
  };
}
