import type { SchoolRecord } from '@eduvkit/core';
import type { OtherHandlers } from '@eduvkit/core/exchange';
import { deliveryApi } from '../generated/registry';
import { DeliveryStatus, deliveryRefusal } from '../generated/status';
import type { DeliverySourceOptions, DeliveryOrderSource } from './data-source';
import { schoolAccess } from '@eduvkit/core/server';

/** The Delivery GETs the Bestelomgeving serves, over a source: pass them as `handlers` (createDeliveryVerzender does with `source`). */
export function deliverySourceHandlers<S extends SchoolRecord>(
  source: DeliveryOrderSource<S>,
  options: DeliverySourceOptions<S> = {},
): OtherHandlers<typeof deliveryApi> {
  const schoolOf = schoolAccess(deliveryApi, source.schools, options.authorize);
  return {
    getDeliveryOrder: async ({ path, caller }) => {
      const order = await source.getDeliveryOrder(path.id, caller);
      if (!order) throw deliveryRefusal('getDeliveryOrder', DeliveryStatus.DeliveryOrderUnknown, `no delivery order ${path.id.slice(0, 100)}`);
      return order;
    },
    listDeliveryOrdersForSchool: async ({ selection, query, caller, operation }) =>
      source.listForSchool(await schoolOf(selection, caller, operation), { status: query.status, deliveryType: query.deliveryType }, caller),
    listDeliveryOrdersForUser: async ({ selection, query, body, caller, operation }) =>
      source.listForUser(await schoolOf(selection, caller, operation), body.user, { status: query.status }, caller),
  };
}
