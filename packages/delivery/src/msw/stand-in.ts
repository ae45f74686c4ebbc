import type { ExchangeStore, Ontvanger } from '@eduvkit/core/exchange';
import { createDeliveryOntvanger, type DeliveryOntvangerOptions } from '../exchange/delivery-ontvanger';

/** Options of the MSW stand-in: the ontvanger's, each optional. */
export type DeliveryStandInOptions = Partial<DeliveryOntvangerOptions>;

/**
 * The Aanspraakmanager behind the MSW handlers: it receives and records every request in `store`
 * and answers with the processors below unless `options.process` gives others. It receives only,
 * unless told where to confirm: without a confirmationUrl the loops stay off.
 */
export function createDeliveryStandIn(store: ExchangeStore, options: DeliveryStandInOptions): Ontvanger {
  return createDeliveryOntvanger({
    autoStart: options.confirmationUrl !== undefined,
    confirmationUrl: () => undefined,
    process: {
      sendDeliveryOrder: ({ body: { deliveryOrder } }) => ({ deliveryOrderId: deliveryOrder.deliveryOrderId, productId: deliveryOrder.productId, newStatus: 'processed', success: true, status: 0 }),
    },
    ...options,
    store,
  });
}
