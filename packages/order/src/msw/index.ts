import { createInMemoryExchangeStore, type ExchangeStore } from '@eduvkit/core/exchange';
import { defineApiMsw, type ApiHandlersOptions } from '@eduvkit/core/msw';
import type { HttpHandler } from 'msw';
import { DEFAULT_ORDER_BASE_URL } from '../generated/base-url';
import { orderApi } from '../generated/registry';
import { createOrderOntvanger, type OrderOntvangerOptions } from '../exchange/order-ontvanger';

export type { OverrideReply } from '@eduvkit/core/msw';
export { DEFAULT_ORDER_BASE_URL };

/** `source` is the Ordersysteem's exchange store (read the received orders from it); `bron` ontvanger options. */
export type OrderHandlersOptions = ApiHandlersOptions<ExchangeStore, Partial<OrderOntvangerOptions>>;

const msw = defineApiMsw<typeof orderApi, ExchangeStore, Partial<OrderOntvangerOptions>>({
  registry: orderApi,
  defaultBaseUrl: DEFAULT_ORDER_BASE_URL,
  // Receive only, unless told where to confirm: without a confirmationUrl the loops stay off.
  createBron: (store, options) =>
    createOrderOntvanger({
      autoStart: options.confirmationUrl !== undefined,
      confirmationUrl: () => undefined,
      process: { placeOrder: () => ({ orderStatus: 'approved' }), placeCreditOrder: ({ body }) => ({ purchaseOrderId: body.purchaseOrderId, creditOrderStatus: 'approved' }) },
      ...options,
      store,
    }),
  seededSource: () => createInMemoryExchangeStore(),
});

/** MSW handlers for the Ordersysteem: `PUT /orders` and `PUT /creditorders` answer 202 and are recorded, like at the mock server. */
export function orderHandlers(options: OrderHandlersOptions = {}): HttpHandler[] {
  return msw.handlers(options);
}

/** A one-operation override for `server.use(...)`: answer with this status, body and headers. */
export const orderOverride = msw.override;
