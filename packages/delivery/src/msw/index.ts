import { createInMemoryExchangeStore, type ExchangeStore } from '@eduvkit/core/exchange';
import { defineApiMsw, type ApiHandlersOptions } from '@eduvkit/core/msw';
import type { HttpHandler } from 'msw';
import { DEFAULT_DELIVERY_BASE_URL } from '../generated/base-url';
import { deliveryApi } from '../generated/registry';
import { createDeliveryOntvanger, type DeliveryOntvangerOptions } from '../exchange/delivery-ontvanger';

export type { OverrideReply } from '@eduvkit/core/msw';
export { DEFAULT_DELIVERY_BASE_URL };

/** `source` is the Aanspraakmanager's exchange store (read the received delivery orders from it); `bron` ontvanger options. */
export type DeliveryHandlersOptions = ApiHandlersOptions<ExchangeStore, Partial<DeliveryOntvangerOptions>>;

const msw = defineApiMsw<typeof deliveryApi, ExchangeStore, Partial<DeliveryOntvangerOptions>>({
  registry: deliveryApi,
  defaultBaseUrl: DEFAULT_DELIVERY_BASE_URL,
  // Receive only, unless told where to confirm: without a confirmationUrl the loops stay off.
  createBron: (store, options) =>
    createDeliveryOntvanger({
      autoStart: options.confirmationUrl !== undefined,
      confirmationUrl: () => undefined,
      process: {
        sendDeliveryOrder: ({ body: { deliveryOrder } }) => ({ deliveryOrderId: deliveryOrder.deliveryOrderId, productId: deliveryOrder.productId, newStatus: 'processed', success: true, status: 0 }),
      },
      ...options,
      store,
    }),
  seededSource: () => createInMemoryExchangeStore(),
});

/** MSW handlers for the Aanspraakmanager: `PUT /deliveryorders` answers 202 and is recorded, like at the mock server. */
export function deliveryHandlers(options: DeliveryHandlersOptions = {}): HttpHandler[] {
  return msw.handlers(options);
}

/** A one-operation override for `server.use(...)`: answer with this status, body and headers. */
export const deliveryOverride = msw.override;
