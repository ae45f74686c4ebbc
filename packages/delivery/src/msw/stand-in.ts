import type { ExchangeStore, Ontvanger } from '@eduvkit/core/exchange';
import type { DeliveryOrderSource } from '../bron/data-source';
import { deliverySourceHandlers } from '../bron/delivery-source-handlers';
import { createDeliveryOntvanger, type DeliveryOntvangerOptions } from '../exchange/delivery-ontvanger';

/** Options of the MSW stand-in: the ontvanger's, each optional. */
export type DeliveryStandInOptions = Partial<DeliveryOntvangerOptions>;

/** The stand-in's source: the store it records received requests in and, optionally, the delivery orders whose GETs it serves. */
export type DeliveryStandInSource = ExchangeStore & { readonly deliveryOrders?: DeliveryOrderSource };

/**
 * The Aanspraakmanager behind the MSW handlers: it receives and records every request in `store`
 * and answers with the processors below unless `options.process` gives others. It receives only,
 * unless told where to confirm: without a confirmationUrl the loops stay off. Given the source's
 * `deliveryOrders` it also serves the Bestelomgeving's GETs over them, as the mock does (decision 043).
 */
export function createDeliveryStandIn(store: DeliveryStandInSource, options: DeliveryStandInOptions): Ontvanger {
  return createDeliveryOntvanger({
    autoStart: options.confirmationUrl !== undefined,
    confirmationUrl: () => undefined,
    process: {
      sendDeliveryOrder: ({ body: { deliveryOrder } }) => ({
        deliveryOrderId: deliveryOrder.deliveryOrderId,
        productId: deliveryOrder.productId,
        newStatus: 'processed',
        success: true,
        status: 0,
      }),
    },
    ...(store.deliveryOrders ? { handlers: deliverySourceHandlers(store.deliveryOrders) } : {}),
    ...options,
    store,
  });
}
