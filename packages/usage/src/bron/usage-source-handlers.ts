import { EduvStatus, type SchoolRecord } from '@eduvkit/core';
import type { OtherHandlers } from '@eduvkit/core/exchange';
import { BronError } from '@eduvkit/core/server';
import { usageApi } from '../generated/registry';
import { UsageStatus, usageRefusal } from '../generated/status';
import type { UsageSource, UsageSourceOptions } from './data-source';
import { schoolAccess } from '@eduvkit/core/server';

const found = async <T>(value: T | undefined | Promise<T | undefined>, what: string): Promise<T> => {
  const result = await value;
  if (result === undefined) throw BronError.notFound(EduvStatus.Other, `no ${what}`);
  return result;
};

/** The Usage GETs the Licentieregistratie serves, over a source: pass them as `handlers` (createUsageVerzender does with `source`). */
export function usageSourceHandlers<S extends SchoolRecord>(source: UsageSource<S>, options: UsageSourceOptions<S> = {}): OtherHandlers<typeof usageApi> {
  const schoolOf = schoolAccess(usageApi, source.schools, options.authorize);
  return {
    getEntitlementUsage: async ({ path, caller }) => {
      const usage = await source.getForEntitlement(path.id, caller);
      if (!usage) throw usageRefusal('getEntitlementUsage', UsageStatus.EntitlementUnknown, `no entitlement ${path.id.slice(0, 100)}`);
      return usage;
    },
    listContractUsage: ({ path, caller }) => found(source.listForContract(path.id, caller), `contract ${path.id}`),
    getDeliveryOrderUsage: async ({ path, caller }) => {
      const totals = await source.getForDeliveryOrder(path.id, caller);
      if (!totals) throw usageRefusal('getDeliveryOrderUsage', UsageStatus.DeliveryOrderUnknown, `no delivery order ${path.id.slice(0, 100)}`);
      return totals;
    },
    listSchoolUsage: async ({ selection, caller, operation }) => source.listForSchool(await schoolOf(selection, caller, operation), caller),
    listUserUsage: async ({ selection, body, caller, operation }) => source.listForUser(await schoolOf(selection, caller, operation), body.user, caller),
  };
}
