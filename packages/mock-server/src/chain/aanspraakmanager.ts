import type { ExchangeRequest } from '@eduvkit/core/exchange';
import type { DeliveryOrderRequest } from '@eduvkit/delivery';
import { deliveryOrderConfirmation } from '@eduvkit/delivery/fixtures';
import { entitlementOfDeliveryOrder } from '@eduvkit/entitlement/fixtures';
import type { InitialActivation } from '@eduvkit/usage';
import { initialActivationConfirmation } from '@eduvkit/usage/fixtures';
import { chainDelay, processedNow, type ChainContext } from './chain-context';
import type { ChainEntitlement } from './chain-state';
import type { EntitlementDistribution } from './entitlement-distribution';

/**
 * The mock as Aanspraakmanager. A delivery order (for a product of the range) becomes an
 * entitlement, sent to the Licentieregistratie and then the Leermiddelenportaal; the delivery order
 * is confirmed `processed` once both confirmed. A cancellation cancels its entitlements. An
 * InitialActivation makes its entitlement `licensed` and is kept as usage.
 */
export function aanspraakmanager(context: ChainContext, distribution: EntitlementDistribution) {
  const { state } = context;

  const deliveryOrder = async (request: ExchangeRequest) => {
    const body = request.body as DeliveryOrderRequest;
    const order = body.deliveryOrder;
    await chainDelay(context);
    const known = state.deliveryOrders.get(order.deliveryOrderId);
    const processedTimestamp = processedNow(context);
    if (!state.product(order.productId)) {
      return {
        ...deliveryOrderConfirmation(context.random, body, { refuse: true }),
        processedTimestamp,
        statusMessage: `Product unknown: ${order.productId} is not in this supplier's range`,
      };
    }
    if (order.status === 'cancelled') {
      const used = (known?.entitlementIds ?? []).some((id) => (state.entitlements.get(id)?.activations.length ?? 0) > 0);
      if (used) return { ...deliveryOrderConfirmation(context.random, body, { refuse: true }), processedTimestamp };
      for (const id of known?.entitlementIds ?? []) {
        const record = state.entitlements.get(id);
        if (record) record.entitlement = { ...record.entitlement, entitlementStatus: 'cancelled', endDate: processedTimestamp.slice(0, 10) };
      }
      if (known) known.deliveryOrder = { ...known.deliveryOrder, status: 'cancelled' };
      return { ...deliveryOrderConfirmation(context.random, body, { newStatus: 'cancelled' }), processedTimestamp };
    }
    const held = known ?? state.addDeliveryOrder({ peer: request.peer, deliveryOrder: order, entitlementIds: [] });
    if (!held.entitlementIds.length)
      held.entitlementIds.push(state.addEntitlement(entitlementOfDeliveryOrder(context.random, order)).entitlement.entitlementId);
    for (const id of held.entitlementIds) await distribution.distribute(state.entitlements.get(id)!);
    held.deliveryOrder = { ...held.deliveryOrder, status: 'processed' };
    return { ...deliveryOrderConfirmation(context.random, body, { newStatus: 'processed' }), processedTimestamp };
  };

  const initialActivation = async (request: ExchangeRequest) => {
    const body = request.body as InitialActivation;
    await chainDelay(context);
    const record: ChainEntitlement | undefined = state.entitlements.get(body.entitlementId);
    const confirmation = initialActivationConfirmation(body, { random: context.random, processedAt: context.now() });
    if (!record) {
      const { newEntitlementStatus: _unknown, ...withoutStatus } = confirmation;
      return withoutStatus;
    }
    if (!record.activations.some((activation) => activation.requestReferenceId === body.requestReferenceId)) record.activations.push(body);
    record.entitlement = { ...record.entitlement, entitlementStatus: 'licensed' };
    const order = record.entitlement.deliveryOrderId ? state.deliveryOrders.get(record.entitlement.deliveryOrderId) : undefined;
    if (order) order.deliveryOrder = { ...order.deliveryOrder, status: 'licensed' };
    return confirmation;
  };

  return { deliveryOrder, initialActivation };
}
