import type { ResolvedSchool, SchoolRecord, SchoolSelection } from '@eduvkit/core';
import { BronError, type CallerContext } from '@eduvkit/core/server';
import type { DeliveryOrder, UserReference } from '../generated/models';
import { deliveryApi } from '../generated/registry';
import type { DeliveryOrderSource } from './data-source';

/** The same person: the same ECK iD, or a secondary id in common. */
export function sameUser(a: UserReference | undefined, b: UserReference): boolean {
  if (!a) return false;
  if (a.userMasterIdentifier && a.userMasterIdentifier === b.userMasterIdentifier) return true;
  return (a.userIds ?? []).some((id) => (b.userIds ?? []).some((other) => other.userId === id.userId && other.userIdType === id.userIdType));
}

/**
 * Whether `caller` may read a school's data of `api` (its activation, or a consent mode of all):
 * a read by id names no school up front, so the object's school decides.
 */
export type SchoolVisible = (caller: CallerContext, orgMasterId: string, api: string) => boolean;

/** Refuses a read by id of an object at a school the caller may not read (403 / 0022), so an id reveals nothing. */
export function requireVisible(visible: SchoolVisible | undefined, caller: CallerContext, orgMasterId: string | undefined, api: string): void {
  if (!visible || orgMasterId === undefined || visible(caller, orgMasterId, api)) return;
  throw BronError.consentRequired(`school ${orgMasterId} has not activated ${api} for client ${caller.clientId ?? '(unidentified)'}`);
}

export interface InMemoryDeliveryOrderSourceOptions<S extends SchoolRecord = SchoolRecord> {
  readonly schools: readonly S[] | ((selection: SchoolSelection) => ResolvedSchool<S> | undefined);
  /** The delivery orders held, asked at every read (a live store may pass a view of its map). */
  readonly orders: () => Iterable<DeliveryOrder>;
  /** Consent for reads by id; default every school is readable. */
  readonly visible?: SchoolVisible;
}

const schoolOfOrder = (order: DeliveryOrder) => order.buyer.school?.organisationMasterIdentifier;

/** A DeliveryOrderSource over delivery orders in memory: what the mock's Bestelomgeving and the MSW handlers serve. */
export function createInMemoryDeliveryOrderSource<S extends SchoolRecord>(options: InMemoryDeliveryOrderSourceOptions<S>): DeliveryOrderSource<S> {
  const all = () => [...options.orders()];
  return {
    schools: options.schools,
    getDeliveryOrder(id, caller) {
      const order = all().find((candidate) => candidate.deliveryOrderId === id);
      if (order) requireVisible(options.visible, caller, schoolOfOrder(order), deliveryApi.api);
      return order;
    },
    listForSchool: (school, { status, deliveryType }) =>
      all().filter(
        (order) =>
          schoolOfOrder(order) === school.school.orgMasterId && (!status || order.status === status) && (!deliveryType || order.deliveryType === deliveryType),
      ),
    listForUser: (school, user, { status }) =>
      all().filter((order) => schoolOfOrder(order) === school.school.orgMasterId && sameUser(order.buyer.user, user) && (!status || order.status === status)),
  };
}
