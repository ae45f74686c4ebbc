import type { SchoolRecord } from '@eduvkit/core';
import type { OtherHandlers } from '@eduvkit/core/exchange';
import { entitlementApi } from '../generated/registry';
import { EntitlementBusinessStatus, entitlementRefusal } from '../generated/status';
import type { EntitlementSourceOptions, EntitlementSource } from './data-source';
import { schoolAccess } from '@eduvkit/core/server';

/** The Entitlement GETs the Aanspraakmanager serves, over a source: pass them as `handlers` (createEntitlementVerzender does with `source`). */
export function entitlementSourceHandlers<S extends SchoolRecord>(
  source: EntitlementSource<S>,
  options: EntitlementSourceOptions<S> = {},
): OtherHandlers<typeof entitlementApi> {
  const schoolOf = schoolAccess(entitlementApi, source.schools, options.authorize);
  return {
    getEntitlement: async ({ path, caller }) => {
      const entitlement = await source.getEntitlement(path.id, caller);
      if (!entitlement) throw entitlementRefusal('getEntitlement', EntitlementBusinessStatus.EntitlementUnknown, `no entitlement ${path.id.slice(0, 100)}`);
      return entitlement;
    },
    listEntitlementsForSchool: async ({ selection, query, caller, operation }) =>
      source.listForSchool(
        await schoolOf(selection, caller, operation),
        { deliveryOrderId: query.deliveryOrderId, entitlementStatus: query.entitlementStatus },
        caller,
      ),
    listEntitlementsForDeliveryOrder: async ({ path, caller }) => {
      const entitlements = await source.listForDeliveryOrder(path.id, caller);
      if (!entitlements)
        throw entitlementRefusal(
          'listEntitlementsForDeliveryOrder',
          EntitlementBusinessStatus.DeliveryOrderUnknown,
          `no delivery order ${path.id.slice(0, 100)}`,
        );
      return entitlements;
    },
    listEntitlementsForUser: async ({ selection, query, body, caller, operation }) =>
      source.listForUser(await schoolOf(selection, caller, operation), body.user, { status: query.status }, caller),
  };
}
