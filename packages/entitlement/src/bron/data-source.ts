import type { ResolvedSchool, SchoolRecord, SchoolSelection } from '@eduvkit/core';
import type { BronOptions, CallerContext } from '@eduvkit/core/server';
import type { EntitlementSchoolFilters } from '../client';
import type { Entitlement, EntitlementStatus, UserReference } from '../generated/models';

type Maybe<T> = T | Promise<T>;

/**
 * What the Aanspraakmanager needs to serve the Entitlement GETs: implement it over your own
 * entitlements and `entitlementSourceHandlers` does the protocol. `caller` is who asks (its `clientId`):
 * answer only what that party may see.
 */
export interface EntitlementSource<S extends SchoolRecord = SchoolRecord> {
  /** The schools served, or a resolver for a selection (unknown → 400 / 0023). */
  readonly schools: readonly S[] | ((selection: SchoolSelection) => ResolvedSchool<S> | undefined);
  /** One entitlement; undefined → 404. */
  getEntitlement(id: string, caller: CallerContext): Maybe<Entitlement | undefined>;
  listForSchool(school: ResolvedSchool<S>, filters: EntitlementSchoolFilters, caller: CallerContext): Maybe<readonly Entitlement[]>;
  /** The entitlements made of one delivery order; undefined (an unknown delivery order) → 404. */
  listForDeliveryOrder(deliveryOrderId: string, caller: CallerContext): Maybe<readonly Entitlement[] | undefined>;
  listForUser(
    school: ResolvedSchool<S>,
    user: UserReference,
    filters: { readonly status?: EntitlementStatus },
    caller: CallerContext,
  ): Maybe<readonly Entitlement[]>;
}

export interface EntitlementSourceOptions<S extends SchoolRecord = SchoolRecord> {
  /** The school's consent for the caller (e.g. `consentAuthorizer` of `@eduvkit/core/server`); throw to refuse (403 / 0022). */
  readonly authorize?: BronOptions<S>['authorize'];
}
