import type { FixtureSchool } from '@eduvkit/core/fixtures';
import { seededDeliveryOrders } from '@eduvkit/delivery/fixtures';
import { seededEntitlements } from '@eduvkit/entitlement/fixtures';
import type { StudentRecord } from '@eduvkit/students/fixtures';
import { seededActivations } from '@eduvkit/usage/fixtures';
import type { ChainContext } from './chain-context';

/**
 * What the chain holds before anyone sent anything, so every read has something to show: the
 * packages' seeded chain (per school one licensed delivery order, its entitlement in the portal
 * and its first student's first use), the same one their MSW handlers serve for the seed (decision 043).
 */
export function seedChain(context: ChainContext, schools: readonly FixtureSchool[], students: ReadonlyMap<string, readonly StudentRecord[]>): void {
  const { state, random } = context;
  const orders = seededDeliveryOrders(random, { schools, students, products: state.products });
  const entitlements = seededEntitlements(random, orders);
  const activations = seededActivations(random, entitlements);
  for (const { entitlement, deliveryOrderId } of entitlements) {
    const record = state.addEntitlement(entitlement);
    record.urlStatus = 'processed';
    record.activations.push(...(activations.get(entitlement.entitlementId) ?? []));
    const deliveryOrder = orders.find((order) => order.deliveryOrderId === deliveryOrderId)!;
    state.addDeliveryOrder({ peer: '', deliveryOrder, entitlementIds: [entitlement.entitlementId] });
  }
}
