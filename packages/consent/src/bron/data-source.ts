import type { ResolvedSchool, SchoolRecord, SchoolSelection } from '@eduvkit/core';
import type { ConsentApi, ConsentConfirmation, ConsentNotification, ConsentRequest, ConsentRevoke, ConsentStatus } from '../generated/models';

type Awaitable<T> = T | Promise<T>;

/** Filters of the list operations (`api`, `since`). */
export interface ConsentListFilters {
  readonly api?: ConsentApi;
  /** RFC 3339 UTC date-time: only records that changed after it (exclusive). */
  readonly since?: string;
}

/** Filters of `GET /consent/statuses/school` besides the school. */
export interface ConsentSchoolFilters extends ConsentListFilters {
  readonly providerReferenceId?: string;
  readonly consumerReferenceId?: string;
}

/**
 * What a Consent API needs from the component behind it (Consentmanagement): its consent
 * registration, seen per calling client. Every method takes the ClientId of the access token and
 * must only ever answer with, or change, that client's consents. `createConsentBron` does the
 * protocol (token, scope, input and school checks, 202 answers); implement this on your own
 * registration, or use `createInMemoryConsentSource` over a `ConsentStore`.
 *
 * Returning normally from a receive method means "accepted" (202). Reference-id errors (1001-1004)
 * of a request, notification or revoke are answered the Edu-V way, by a confirmation carrying the
 * code (listed by `confirmations`), not by a refusal. Throw a BronError to refuse synchronously:
 * `BronError.business(99, ...)` for other conflicts, and `consentRefusal(1001..1004, ...)` for a
 * confirmation, which no later message answers.
 */
export interface ConsentDataSource<S extends SchoolRecord = SchoolRecord> {
  /** The schools served, or a resolver for a selection (unknown → undefined → 400 / 0023). */
  readonly schools: readonly S[] | ((selection: SchoolSelection) => ResolvedSchool<S> | undefined);
  /** `GET /consent/statuses`: every consent of the client, over all schools. */
  statuses(clientId: string, filters: ConsentListFilters): Awaitable<readonly ConsentStatus[]>;
  /**
   * `GET /consent/statuses/school`: the client's most recent consent at the school (for the api,
   * when given), or the consent with the given reference ids; undefined when none matches (→ 404).
   * `school` is undefined when only reference ids were given.
   */
  statusForSchool(clientId: string, school: ResolvedSchool<S> | undefined, filters: ConsentSchoolFilters): Awaitable<ConsentStatus | undefined>;
  /** `PUT /consent/requests`: the client (data consumer) asks for consent at `school`. */
  receiveRequest(clientId: string, request: ConsentRequest, school: ResolvedSchool<S>): Awaitable<void>;
  /** `PUT /consent/notifications`: the client (data provider) registered consent for us at `school`. */
  receiveNotification(clientId: string, notification: ConsentNotification, school: ResolvedSchool<S>): Awaitable<void>;
  /** `PUT /consent/revokes`: the client withdraws a consent. */
  receiveRevoke(clientId: string, revoke: ConsentRevoke, school: ResolvedSchool<S>): Awaitable<void>;
  /** `PUT /consent/confirmations`: the client (data consumer) confirms or rejects a granted consent. */
  receiveConfirmation(clientId: string, confirmation: ConsentConfirmation, school: ResolvedSchool<S>): Awaitable<void>;
  /** `GET /consent/requests`: the consent requests on record between us and the client. */
  requests(clientId: string, filters: ConsentListFilters): Awaitable<readonly ConsentRequest[]>;
  /** `GET /consent/confirmations`: the confirmations on record between us and the client, refusals (1001-1004) included. */
  confirmations(clientId: string, filters: ConsentListFilters): Awaitable<readonly ConsentConfirmation[]>;
}
