import { EduvStatus, type SchoolRecord } from '@eduvkit/core';
import type { OtherHandlers } from '@eduvkit/core/exchange';
import { BronError } from '@eduvkit/core/server';
import { usageApi } from '../generated/registry';
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
    getEntitlementUsage: ({ path, caller }) => found(source.getForEntitlement(path.id, caller), `entitlement ${path.id}`),
    listContractUsage: ({ path, caller }) => found(source.listForContract(path.id, caller), `contract ${path.id}`),
    getDeliveryOrderUsage: ({ path, caller }) => found(source.getForDeliveryOrder(path.id, caller), `delivery order ${path.id}`),
    listSchoolUsage: async ({ selection, caller, operation }) => source.listForSchool(await schoolOf(selection, caller, operation), caller),
    listUserUsage: async ({ selection, body, caller, operation }) => source.listForUser(await schoolOf(selection, caller, operation), body.user, caller),
  };
}
