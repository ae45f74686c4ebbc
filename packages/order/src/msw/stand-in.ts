import type { ExchangeStore, Ontvanger } from '@eduvkit/core/exchange';
import { createOrderOntvanger, type OrderOntvangerOptions } from '../exchange/order-ontvanger';

/** Options of the MSW stand-in: the ontvanger's, each optional. */
export type OrderStandInOptions = Partial<OrderOntvangerOptions>;

/**
 * The Ordersysteem behind the MSW handlers: it receives and records every request in `store`
 * and answers with the processors below unless `options.process` gives others. It receives only,
 * unless told where to confirm: without a confirmationUrl the loops stay off.
 */
export function createOrderStandIn(store: ExchangeStore, options: OrderStandInOptions): Ontvanger {
  return createOrderOntvanger({
    autoStart: options.confirmationUrl !== undefined,
    confirmationUrl: () => undefined,
    process: {
      placeOrder: () => ({ orderStatus: 'approved' }),
      placeCreditOrder: ({ body }) => ({ purchaseOrderId: body.purchaseOrderId, creditOrderStatus: 'approved' }),
    },
    ...options,
    store,
  });
}
