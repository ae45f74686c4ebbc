import type { ResolvedSchool, SchoolRecord, SchoolSelection } from '@eduvkit/core';
import type { BronOptions, CallerContext } from '@eduvkit/core/server';
import type { EntitlementUsage, UsageTotals, UserReference } from '../generated/models';

type Maybe<T> = T | Promise<T>;

/**
 * What the Licentieregistratie needs to serve the Usage GETs: implement it over your own licence
 * registry and `usageSourceHandlers` does the protocol. `caller` is who asks (its `clientId`):
 * answer only what that party may see. An id the source does not know → undefined → 404.
 */
export interface UsageSource<S extends SchoolRecord = SchoolRecord> {
  /** The schools served, or a resolver for a selection (unknown → 400 / 0023). */
  readonly schools: readonly S[] | ((selection: SchoolSelection) => ResolvedSchool<S> | undefined);
  getForEntitlement(entitlementId: string, caller: CallerContext): Maybe<EntitlementUsage | undefined>;
  /** Totals per delivery order of a contract; undefined → 404. */
  listForContract(contractId: string, caller: CallerContext): Maybe<readonly UsageTotals[] | undefined>;
  getForDeliveryOrder(deliveryOrderId: string, caller: CallerContext): Maybe<UsageTotals | undefined>;
  listForSchool(school: ResolvedSchool<S>, caller: CallerContext): Maybe<readonly UsageTotals[]>;
  listForUser(school: ResolvedSchool<S>, user: UserReference, caller: CallerContext): Maybe<readonly EntitlementUsage[]>;
}

export interface UsageSourceOptions<S extends SchoolRecord = SchoolRecord> {
  /** The school's consent for the caller (e.g. `consentAuthorizer` of `@eduvkit/core/server`); throw to refuse (403 / 0022). */
  readonly authorize?: BronOptions<S>['authorize'];
}
