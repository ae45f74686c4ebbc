import type { ApiRegistry } from '@eduvkit/core';
import type { CallerContext } from '@eduvkit/core/server';
import { createInMemoryDeliveryOrderSource, type SchoolVisible } from '@eduvkit/delivery';
import { createInMemoryEntitlementSource } from '@eduvkit/entitlement';
import { createInMemoryUsageSource } from '@eduvkit/usage';
import type { FixtureSchool } from '@eduvkit/core/fixtures';
import type { ChainState } from './chain-state';

/** Whether the caller may read a school's data of `registry` (the school's activation, or consent mode `all`). */
export type ReadAllowed = (caller: CallerContext, orgMasterId: string, registry: ApiRegistry) => boolean;

/**
 * The chain's reads as the packages' own in-memory sources over the mock's live state, so the mock
 * answers them with the packages' GET source handlers, exactly as their MSW handlers do over the
 * seeded chain. A read by id names no school up front: the object's school decides consent.
 */
export function chainSources(state: ChainState, schools: readonly FixtureSchool[], registries: readonly ApiRegistry[], allowed: ReadAllowed) {
  const byApi = new Map(registries.map((registry) => [registry.api, registry]));
  const visible: SchoolVisible = (caller, orgMasterId, api) => allowed(caller, orgMasterId, byApi.get(api)!);
  const deliveryOrders = () => state.deliveryOrders.values();
  const entitlements = () => state.entitlements.values();
  return {
    delivery: createInMemoryDeliveryOrderSource({
      schools,
      visible,
      orders: () => [...state.deliveryOrders.values()].map(({ deliveryOrder }) => deliveryOrder),
    }),
    entitlement: createInMemoryEntitlementSource({ schools, visible, entitlements, deliveryOrders }),
    usage: createInMemoryUsageSource({ schools, visible, entitlements, deliveryOrders }),
  };
}
