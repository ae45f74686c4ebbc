import type { ApiRegistry } from '@eduvkit/core';
import { BronError, type CallerContext, type OperationInput } from '@eduvkit/core/server';
import type { DeliveryOrder } from '@eduvkit/delivery';
import type { Entitlement } from '@eduvkit/entitlement';
import type { EntitlementUsage } from '@eduvkit/usage';
import { entitlementUsage, usageTotals } from '@eduvkit/usage/fixtures';
import type { ChainEntitlement, ChainState } from './chain-state';

interface UserReference {
  readonly userMasterIdentifier?: string | undefined;
  readonly userIds?: readonly { readonly userId: string; readonly userIdType: string }[] | undefined;
}

/** The same person: the same ECK iD, or a secondary id in common. */
function sameUser(a: UserReference | undefined, b: UserReference): boolean {
  if (!a) return false;
  if (a.userMasterIdentifier && a.userMasterIdentifier === b.userMasterIdentifier) return true;
  return (a.userIds ?? []).some((id) => (b.userIds ?? []).some((other) => other.userId === id.userId && other.userIdType === id.userIdType));
}

/** Whether the caller may read a school's data of `registry` (the school's activation, or consent mode `all`). */
export type ReadAllowed = (caller: CallerContext, orgMasterId: string, registry: ApiRegistry) => boolean;

type Input = OperationInput;
const orgOf = (input: Input): string => input.school!.school.orgMasterId;
const idOf = (input: Input): string => (input.path as unknown as { id: string }).id;
const queryOf = (input: Input) => (input.query ?? {}) as Record<string, string | undefined>;
const userOf = (input: Input) => (input.body as unknown as { user: UserReference }).user;

/**
 * A read by id names no school up front: the object's school decides, and without the caller's
 * activation there it is refused like any other read (403 / 0022), so an id reveals nothing.
 */
function readableAt(allowed: ReadAllowed, input: Input, registry: ApiRegistry, orgMasterId: string | undefined): void {
  if (orgMasterId === undefined || allowed(input.caller, orgMasterId, registry)) return;
  throw BronError.consentRequired(`school ${orgMasterId} has not activated ${registry.api} for client ${input.caller.clientId ?? '(unidentified)'}`);
}

const schoolOfOrder = (order: DeliveryOrder) => order.buyer.school?.organisationMasterIdentifier;
const schoolOfEntitlement = (entitlement: Entitlement) => entitlement.school?.organisationMasterIdentifier;

/** Delivery API reads, served as the Bestelomgeving that holds the delivery orders the mock was sent. */
export function deliveryReads(state: ChainState, registry: ApiRegistry, allowed: ReadAllowed) {
  const orders = () => [...state.deliveryOrders.values()].map(({ deliveryOrder }) => deliveryOrder);
  return {
    getDeliveryOrder: (input: Input) => {
      const order = state.deliveryOrders.get(idOf(input))?.deliveryOrder;
      if (!order) throw BronError.notFound(404, `DeliveryOrder unknown: no delivery order ${idOf(input).slice(0, 100)}`);
      readableAt(allowed, input, registry, schoolOfOrder(order));
      return order;
    },
    listDeliveryOrdersForSchool: (input: Input) => {
      const { status, deliveryType } = queryOf(input);
      return orders().filter((order) => schoolOfOrder(order) === orgOf(input) && (!status || order.status === status) && (!deliveryType || order.deliveryType === deliveryType));
    },
    listDeliveryOrdersForUser: (input: Input) => {
      const { status } = queryOf(input);
      return orders().filter((order) => schoolOfOrder(order) === orgOf(input) && sameUser(order.buyer.user, userOf(input)) && (!status || order.status === status));
    },
  };
}

/** Entitlement API reads, served as the Aanspraakmanager. */
export function entitlementReads(state: ChainState, registry: ApiRegistry, allowed: ReadAllowed) {
  const licensee = (record: ChainEntitlement, user: UserReference) => record.activations.some((activation) => sameUser(activation.user, user));
  return {
    getEntitlement: (input: Input) => {
      const record = state.entitlements.get(idOf(input));
      if (!record) throw BronError.notFound(404, `Entitlement unknown: no entitlement ${idOf(input).slice(0, 100)}`);
      readableAt(allowed, input, registry, schoolOfEntitlement(record.entitlement));
      return record.entitlement;
    },
    listEntitlementsForSchool: (input: Input) => {
      const { deliveryOrderId, entitlementStatus } = queryOf(input);
      return state
        .entitlementsOfSchool(orgOf(input))
        .map(({ entitlement }) => entitlement)
        .filter((entitlement) => (!deliveryOrderId || entitlement.deliveryOrderId === deliveryOrderId) && (!entitlementStatus || entitlement.entitlementStatus === entitlementStatus));
    },
    listEntitlementsForDeliveryOrder: (input: Input) => {
      const order = state.deliveryOrders.get(idOf(input));
      if (!order) throw BronError.notFound(404, `DeliveryOrder unknown: no delivery order ${idOf(input).slice(0, 100)}`);
      readableAt(allowed, input, registry, schoolOfOrder(order.deliveryOrder));
      return order.entitlementIds.flatMap((id) => state.entitlements.get(id)?.entitlement ?? []);
    },
    listEntitlementsForUser: (input: Input) => {
      const { status } = queryOf(input);
      return state
        .entitlementsOfSchool(orgOf(input))
        .filter((record) => licensee(record, userOf(input)) && (!status || record.entitlement.entitlementStatus === status))
        .map(({ entitlement }) => entitlement);
    },
  };
}

/** The usage of one entitlement as the Licentieregistratie registered it: one licence per first use. */
export function usageOf(record: ChainEntitlement): EntitlementUsage {
  return entitlementUsage({ entitlement: record.entitlement, entitlementStatus: record.entitlement.entitlementStatus, activations: record.activations });
}

/** Usage API reads, served as the Licentieregistratie. */
export function usageReads(state: ChainState, registry: ApiRegistry, allowed: ReadAllowed) {
  const totalsOf = (deliveryOrderIds: readonly string[]) =>
    deliveryOrderIds.map((id) => usageTotals(id, (state.deliveryOrders.get(id)?.entitlementIds ?? []).flatMap((entitlementId) => {
      const record = state.entitlements.get(entitlementId);
      return record ? [usageOf(record)] : [];
    })));
  return {
    getEntitlementUsage: (input: Input) => {
      const record = state.entitlements.get(idOf(input));
      if (!record) throw BronError.notFound(404, `Entitlement unknown: no entitlement ${idOf(input).slice(0, 100)}`);
      readableAt(allowed, input, registry, schoolOfEntitlement(record.entitlement));
      return usageOf(record);
    },
    listContractUsage: (input: Input) => {
      const orders = [...state.deliveryOrders.values()].filter(({ deliveryOrder }) => deliveryOrder.contractId === idOf(input));
      const readable = orders.filter(({ deliveryOrder }) => {
        const orgMasterId = schoolOfOrder(deliveryOrder);
        return orgMasterId === undefined || allowed(input.caller, orgMasterId, registry);
      });
      return totalsOf(readable.map(({ deliveryOrder }) => deliveryOrder.deliveryOrderId));
    },
    getDeliveryOrderUsage: (input: Input) => {
      const order = state.deliveryOrders.get(idOf(input));
      if (!order) throw BronError.notFound(404, `DeliveryOrder unknown: no delivery order ${idOf(input).slice(0, 100)}`);
      readableAt(allowed, input, registry, schoolOfOrder(order.deliveryOrder));
      return totalsOf([order.deliveryOrder.deliveryOrderId])[0]!;
    },
    listSchoolUsage: (input: Input) =>
      totalsOf([...state.deliveryOrders.values()].filter(({ deliveryOrder }) => schoolOfOrder(deliveryOrder) === orgOf(input)).map(({ deliveryOrder }) => deliveryOrder.deliveryOrderId)),
    listUserUsage: (input: Input) =>
      state
        .entitlementsOfSchool(orgOf(input))
        .filter((record) => record.activations.some((activation) => sameUser(activation.user, userOf(input))))
        .map(usageOf),
  };
}
