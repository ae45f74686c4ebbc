import { createInMemoryExchangeStore } from '@eduvkit/core/exchange';
import { createProducts, createRandom } from '@eduvkit/core/fixtures';
import { seededDeliveryOrders } from '@eduvkit/delivery/fixtures';
import { createStudentsWorld } from '@eduvkit/students/fixtures';
import { createInMemoryEntitlementSource } from '../bron/in-memory-source';
import { seededEntitlements } from '../fixtures/seeded-chain';
import type { EntitlementStandInSource } from './stand-in';

/** An empty exchange store and the seeded chain's entitlements (the mock's for the same seed): what the MSW handlers use when a test passes no source. */
export function createSeededEntitlementStandInSource(seed: number): EntitlementStandInSource {
  const world = createStudentsWorld({ seed });
  const random = createRandom(seed);
  const orders = seededDeliveryOrders(random, { ...world, products: createProducts({ seed }) });
  const held = seededEntitlements(random, orders).map(({ entitlement, firstUser }) => ({ entitlement, activations: firstUser ? [{ user: firstUser }] : [] }));
  const deliveryOrders = orders.map((deliveryOrder) => ({
    deliveryOrder,
    entitlementIds: held
      .filter(({ entitlement }) => entitlement.deliveryOrderId === deliveryOrder.deliveryOrderId)
      .map(({ entitlement }) => entitlement.entitlementId),
  }));
  const entitlements = createInMemoryEntitlementSource({ schools: world.schools, entitlements: () => held, deliveryOrders: () => deliveryOrders });
  return Object.assign(createInMemoryExchangeStore(), { entitlements });
}
