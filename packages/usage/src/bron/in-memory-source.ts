import type { ResolvedSchool, SchoolRecord, SchoolSelection } from '@eduvkit/core';
import { requireVisible, sameUser, type SchoolVisible } from '@eduvkit/delivery';
import type { HeldDeliveryOrder } from '@eduvkit/entitlement';
import { entitlementUsage, usageTotals, type ActivatedEntitlement } from '../fixtures';
import type { EntitlementStatus, EntitlementUsage, InitialActivation } from '../generated/models';
import { usageApi } from '../generated/registry';
import type { UsageSource } from './data-source';

/** An entitlement as the Licentieregistratie registered it: its current status and each licence's first use. */
export interface RegisteredEntitlement {
  readonly entitlement: ActivatedEntitlement & { readonly entitlementStatus: EntitlementStatus };
  readonly activations: readonly InitialActivation[];
}

export interface InMemoryUsageSourceOptions<S extends SchoolRecord = SchoolRecord> {
  readonly schools: readonly S[] | ((selection: SchoolSelection) => ResolvedSchool<S> | undefined);
  /** Asked at every read (a live store may pass a view of its map). */
  readonly entitlements: () => Iterable<RegisteredEntitlement>;
  /** The delivery orders the entitlements came from, with their contract. */
  readonly deliveryOrders: () => Iterable<HeldDeliveryOrder>;
  /** Consent for reads by id; default every school is readable. */
  readonly visible?: SchoolVisible;
}

/** The usage of one entitlement: one licence per first use. */
export const usageOf = (record: RegisteredEntitlement): EntitlementUsage =>
  entitlementUsage({ entitlement: record.entitlement, entitlementStatus: record.entitlement.entitlementStatus, activations: record.activations });

/** A UsageSource over registered entitlements in memory: what the mock's Licentieregistratie and the MSW handlers serve. */
export function createInMemoryUsageSource<S extends SchoolRecord>(options: InMemoryUsageSourceOptions<S>): UsageSource<S> {
  const byId = () => new Map([...options.entitlements()].map((record) => [record.entitlement.entitlementId, record]));
  const orders = () => [...options.deliveryOrders()];
  const schoolOfOrder = (order: HeldDeliveryOrder) => order.deliveryOrder.buyer.school?.organisationMasterIdentifier;
  const totalsOf = (held: readonly HeldDeliveryOrder[]) => {
    const records = byId();
    return held.map((order) =>
      usageTotals(
        order.deliveryOrder.deliveryOrderId,
        order.entitlementIds.flatMap((id) => {
          const record = records.get(id);
          return record ? [usageOf(record)] : [];
        }),
      ),
    );
  };
  return {
    schools: options.schools,
    getForEntitlement(id, caller) {
      const record = byId().get(id);
      if (!record) return undefined;
      requireVisible(options.visible, caller, record.entitlement.school?.organisationMasterIdentifier, usageApi.api);
      return usageOf(record);
    },
    // A contract is not addressed by a school: only the delivery orders the caller may read count, so an unknown one is an empty list.
    listForContract: (contractId, caller) =>
      totalsOf(
        orders().filter((order) => {
          const orgMasterId = schoolOfOrder(order);
          return (
            order.deliveryOrder.contractId === contractId &&
            (orgMasterId === undefined || !options.visible || options.visible(caller, orgMasterId, usageApi.api))
          );
        }),
      ),
    getForDeliveryOrder(deliveryOrderId, caller) {
      const order = orders().find((candidate) => candidate.deliveryOrder.deliveryOrderId === deliveryOrderId);
      if (!order) return undefined;
      requireVisible(options.visible, caller, schoolOfOrder(order), usageApi.api);
      return totalsOf([order])[0];
    },
    listForSchool: (school) => totalsOf(orders().filter((order) => schoolOfOrder(order) === school.school.orgMasterId)),
    listForUser: (school, user) =>
      [...options.entitlements()]
        .filter(
          (record) =>
            record.entitlement.school?.organisationMasterIdentifier === school.school.orgMasterId &&
            record.activations.some((activation) => sameUser(activation.user, user)),
        )
        .map(usageOf),
  };
}
