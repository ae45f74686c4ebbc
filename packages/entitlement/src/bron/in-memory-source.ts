import type { ResolvedSchool, SchoolRecord, SchoolSelection } from '@eduvkit/core';
import { requireVisible, sameUser, type DeliveryOrder, type SchoolVisible } from '@eduvkit/delivery';
import type { Entitlement, UserReference } from '../generated/models';
import { entitlementApi } from '../generated/registry';
import type { EntitlementSource } from './data-source';

/** An entitlement as an Aanspraakmanager holds it: with the first use of each licence. */
export interface HeldEntitlement {
  readonly entitlement: Entitlement;
  readonly activations: readonly { readonly user: UserReference }[];
}

/** A delivery order the Aanspraakmanager received, with the entitlements it made of it. */
export interface HeldDeliveryOrder {
  readonly deliveryOrder: DeliveryOrder;
  readonly entitlementIds: readonly string[];
}

export interface InMemoryEntitlementSourceOptions<S extends SchoolRecord = SchoolRecord> {
  readonly schools: readonly S[] | ((selection: SchoolSelection) => ResolvedSchool<S> | undefined);
  /** Asked at every read (a live store may pass a view of its map). */
  readonly entitlements: () => Iterable<HeldEntitlement>;
  readonly deliveryOrders: () => Iterable<HeldDeliveryOrder>;
  /** Consent for reads by id; default every school is readable. */
  readonly visible?: SchoolVisible;
}

const schoolOf = (entitlement: Entitlement) => entitlement.school?.organisationMasterIdentifier;

/** An EntitlementSource over entitlements in memory: what the mock's Aanspraakmanager and the MSW handlers serve. */
export function createInMemoryEntitlementSource<S extends SchoolRecord>(options: InMemoryEntitlementSourceOptions<S>): EntitlementSource<S> {
  const held = () => [...options.entitlements()];
  const atSchool = (school: ResolvedSchool<S>) => held().filter(({ entitlement }) => schoolOf(entitlement) === school.school.orgMasterId);
  return {
    schools: options.schools,
    getEntitlement(id, caller) {
      const entitlement = held().find((record) => record.entitlement.entitlementId === id)?.entitlement;
      if (entitlement) requireVisible(options.visible, caller, schoolOf(entitlement), entitlementApi.api);
      return entitlement;
    },
    listForSchool: (school, { deliveryOrderId, entitlementStatus }) =>
      atSchool(school)
        .map(({ entitlement }) => entitlement)
        .filter(
          (entitlement) =>
            (!deliveryOrderId || entitlement.deliveryOrderId === deliveryOrderId) &&
            (!entitlementStatus || entitlement.entitlementStatus === entitlementStatus),
        ),
    listForDeliveryOrder(deliveryOrderId, caller) {
      const order = [...options.deliveryOrders()].find((candidate) => candidate.deliveryOrder.deliveryOrderId === deliveryOrderId);
      if (!order) return undefined;
      requireVisible(options.visible, caller, order.deliveryOrder.buyer.school?.organisationMasterIdentifier, entitlementApi.api);
      const byId = new Map(held().map((record) => [record.entitlement.entitlementId, record.entitlement]));
      return order.entitlementIds.flatMap((id) => byId.get(id) ?? []);
    },
    listForUser: (school, user, { status }) =>
      atSchool(school)
        .filter(
          (record) => record.activations.some((activation) => sameUser(activation.user, user)) && (!status || record.entitlement.entitlementStatus === status),
        )
        .map(({ entitlement }) => entitlement),
  };
}
