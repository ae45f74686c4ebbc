import { createInMemoryExchangeStore } from '@eduvkit/core/exchange';
import { createProducts, createRandom } from '@eduvkit/core/fixtures';
import { seededDeliveryOrders } from '@eduvkit/delivery/fixtures';
import { seededEntitlements } from '@eduvkit/entitlement/fixtures';
import { createStudentsWorld } from '@eduvkit/students/fixtures';
import { createInMemoryUsageSource } from '../bron/in-memory-source';
import { seededActivations } from '../fixtures/seeded-chain';
import type { UsageStandInSource } from './stand-in';

/** An empty exchange store and the seeded chain's usage (the mock's for the same seed): what the MSW handlers use when a test passes no source. */
export function createSeededUsageStandInSource(seed: number): UsageStandInSource {
  const world = createStudentsWorld({ seed });
  const random = createRandom(seed);
  const orders = seededDeliveryOrders(random, { ...world, products: createProducts({ seed }) });
  const entitlements = seededEntitlements(random, orders);
  const activations = seededActivations(random, entitlements);
  const registered = entitlements.map(({ entitlement }) => ({ entitlement, activations: activations.get(entitlement.entitlementId) ?? [] }));
  const deliveryOrders = orders.map((deliveryOrder) => ({
    deliveryOrder,
    entitlementIds: entitlements.filter((held) => held.deliveryOrderId === deliveryOrder.deliveryOrderId).map(({ entitlement }) => entitlement.entitlementId),
  }));
  const usage = createInMemoryUsageSource({ schools: world.schools, entitlements: () => registered, deliveryOrders: () => deliveryOrders });
  return Object.assign(createInMemoryExchangeStore(), { usage });
}
