import { createInMemoryExchangeStore } from '@eduvkit/core/exchange';
import { createProducts, createRandom } from '@eduvkit/core/fixtures';
import { createStudentsWorld } from '@eduvkit/students/fixtures';
import { createInMemoryDeliveryOrderSource } from '../bron/in-memory-source';
import { seededDeliveryOrders } from '../fixtures/seeded-chain';
import type { DeliveryStandInSource } from './stand-in';

/** An empty exchange store and the seeded chain's delivery orders (the mock's for the same seed): what the MSW handlers use when a test passes no source. */
export function createSeededDeliveryStandInSource(seed: number): DeliveryStandInSource {
  const world = createStudentsWorld({ seed });
  const orders = seededDeliveryOrders(createRandom(seed), { ...world, products: createProducts({ seed }) });
  return Object.assign(createInMemoryExchangeStore(), { deliveryOrders: createInMemoryDeliveryOrderSource({ schools: world.schools, orders: () => orders }) });
}
