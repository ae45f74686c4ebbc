import type { ExchangeRequest } from '@eduvkit/core/exchange';
import type { CreditOrderRequest, OrderRequest } from '@eduvkit/order';
import { creditOrderConfirmation, orderConfirmation } from '@eduvkit/order/fixtures';
import { chainDelay, processedNow, type ChainContext } from './chain-context';

/**
 * The mock as Ordersysteem: an order is pending until it is processed, then approved, or declined
 * when the product is not in the range or the decline rate says so. A credit order is approved for
 * an order of the same client that was approved, declined otherwise.
 */
export function ordersysteem(context: ChainContext) {
  return async (request: ExchangeRequest) => {
    const { state, random } = context;
    if (request.operationId === 'placeCreditOrder') {
      const body = request.body as CreditOrderRequest;
      await chainDelay(context);
      const credited = [...state.orders.values()].find(
        (order) => order.peer === request.peer && order.request.purchaseOrderId === body.purchaseOrderId && order.status === 'approved',
      );
      return { ...creditOrderConfirmation(random, body, { creditOrderStatus: credited ? 'approved' : 'declined' }), processedTimestamp: processedNow(context) };
    }
    const body = request.body as OrderRequest;
    const order =
      state.order(request.peer, request.referenceId) ?? state.addOrder(request.referenceId, { peer: request.peer, request: body, status: 'pending' });
    await chainDelay(context);
    const known = state.product(body.productId) !== undefined;
    const declined = !known || context.chance() < context.declineRate;
    const confirmation = { ...orderConfirmation(random, body, { orderStatus: declined ? 'declined' : 'approved' }), processedTimestamp: processedNow(context) };
    if (!known) confirmation.statusMessage = `Product unknown: ${body.productId} is not in this supplier's range`;
    order.status = declined ? 'declined' : 'approved';
    order.confirmation = confirmation;
    return confirmation;
  };
}
