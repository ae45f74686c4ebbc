import type { DeliveryOrder } from '@eduvkit/delivery';
import type { Entitlement, UrlStatus } from '@eduvkit/entitlement';
import type { OrderConfirmation, OrderRequest } from '@eduvkit/order';
import type { FixtureProduct } from '@eduvkit/core/fixtures';
import type { InitialActivation } from '@eduvkit/usage';

export interface ChainOrder {
  /** The client that placed it. */
  readonly peer: string;
  readonly request: OrderRequest;
  /** pending until the Ordersysteem processed it. */
  status: 'pending' | 'approved' | 'declined';
  confirmation?: OrderConfirmation;
}

export interface ChainDeliveryOrder {
  readonly peer: string;
  deliveryOrder: DeliveryOrder;
  readonly entitlementIds: string[];
}

export interface ChainEntitlement {
  entitlement: Entitlement;
  /** Where the Leermiddelenportaal's access link stands, once the portal confirmed. */
  urlStatus?: UrlStatus;
  /** The first use of each licence (InitialActivation), in arrival order. */
  readonly activations: InitialActivation[];
}

export interface ChainActivationCode {
  readonly productId: string;
  /** The client the code was handed to. */
  readonly peer: string;
  revoked: boolean;
}

/** Bounded, like the mock's other stores: a long-running mock that is sent a lot does not grow without end. */
export const CHAIN_LIMIT = 10_000;

function remember<V>(map: Map<string, V>, key: string, value: V): V {
  map.set(key, value);
  while (map.size > CHAIN_LIMIT) map.delete(map.keys().next().value!);
  return value;
}

/**
 * What the mock's chain holds over the world: orders, delivery orders, entitlements, activation
 * codes and their usage, all naming the world's schools and the product range.
 */
export class ChainState {
  readonly orders = new Map<string, ChainOrder>();
  readonly deliveryOrders = new Map<string, ChainDeliveryOrder>();
  readonly entitlements = new Map<string, ChainEntitlement>();
  readonly activationCodes = new Map<string, ChainActivationCode>();

  constructor(readonly products: readonly FixtureProduct[]) {}

  product(productId: string): FixtureProduct | undefined {
    return this.products.find((product) => product.productId === productId);
  }

  addOrder(referenceId: string, order: ChainOrder): ChainOrder {
    return remember(this.orders, `${order.peer} ${referenceId}`, order);
  }

  order(peer: string, referenceId: string): ChainOrder | undefined {
    return this.orders.get(`${peer} ${referenceId}`);
  }

  addDeliveryOrder(order: ChainDeliveryOrder): ChainDeliveryOrder {
    return remember(this.deliveryOrders, order.deliveryOrder.deliveryOrderId, order);
  }

  addEntitlement(entitlement: Entitlement): ChainEntitlement {
    const known = this.entitlements.get(entitlement.entitlementId);
    if (known) {
      known.entitlement = entitlement;
      return known;
    }
    return remember(this.entitlements, entitlement.entitlementId, { entitlement, activations: [] });
  }

  addActivationCode(code: string, record: ChainActivationCode): void {
    remember(this.activationCodes, code, record);
  }

  entitlementsOfSchool(orgMasterId: string): ChainEntitlement[] {
    return [...this.entitlements.values()].filter(({ entitlement }) => entitlement.school?.organisationMasterIdentifier === orgMasterId);
  }
}
