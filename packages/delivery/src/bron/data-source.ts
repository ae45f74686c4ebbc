import type { ResolvedSchool, SchoolRecord, SchoolSelection } from '@eduvkit/core';
import type { BronOptions, CallerContext } from '@eduvkit/core/server';
import type { DeliveryOrderFilters } from '../client';
import type { DeliveryOrder, DeliveryOrderStatus, UserReference } from '../generated/models';

type Maybe<T> = T | Promise<T>;

/**
 * What the Bestelomgeving needs to serve the Delivery GETs: implement it over your own orders and
 * `deliverySourceHandlers` does the protocol. `caller` is who asks (its `clientId`): answer only what
 * that party may see.
 */
export interface DeliveryOrderSource<S extends SchoolRecord = SchoolRecord> {
  /** The schools served, or a resolver for a selection (unknown → 400 / 0023). */
  readonly schools: readonly S[] | ((selection: SchoolSelection) => ResolvedSchool<S> | undefined);
  /** One delivery order; undefined → 404. */
  getDeliveryOrder(id: string, caller: CallerContext): Maybe<DeliveryOrder | undefined>;
  listForSchool(school: ResolvedSchool<S>, filters: DeliveryOrderFilters, caller: CallerContext): Maybe<readonly DeliveryOrder[]>;
  listForUser(
    school: ResolvedSchool<S>,
    user: UserReference,
    filters: { readonly status?: DeliveryOrderStatus },
    caller: CallerContext,
  ): Maybe<readonly DeliveryOrder[]>;
}

export interface DeliverySourceOptions<S extends SchoolRecord = SchoolRecord> {
  /** The school's consent for the caller (e.g. `consentAuthorizer` of `@eduvkit/core/server`); throw to refuse (403 / 0022). */
  readonly authorize?: BronOptions<S>['authorize'];
}
