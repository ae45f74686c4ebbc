import { statusFailure, type ResolvedSchool, type SchoolRecord, type SchoolSelection } from '@eduvkit/core';
import { BronError } from '@eduvkit/core/server';
import type { ConsentApi, ConsentConfirmation, ConsentRequest, ConsentSchoolReference, ConsentStatus } from '../generated/models';
import { ConsentApiSchema } from '../generated/schemas';
import type { ConsentDataSource, ConsentListFilters, ConsentSchoolFilters } from './data-source';
import { ConsentStatusCode, consentConflict, consentRefusal, type ConsentStatusCode as ConsentCode } from './refusals';
import { createInMemoryConsentStore, isActiveRecord, type ConsentKey, type ConsentRecord, type ConsentStore } from './store';

export interface InMemoryConsentSourceOptions<S extends SchoolRecord = SchoolRecord> {
  /** The schools whose consents this Consent API registers (resolves orgId and body school references). */
  readonly schools: readonly S[] | ((selection: SchoolSelection) => ResolvedSchool<S> | undefined);
  /** Where the registrations live; default a fresh `createInMemoryConsentStore()`. Share it with the bron's consent check. */
  readonly store?: ConsentStore;
  /** Generates the consumerReferenceId this side gives when it confirms a notification; default `crypto.randomUUID()`. */
  readonly newReferenceId?: () => string;
}

export interface InMemoryConsentSource<S extends SchoolRecord = SchoolRecord> extends ConsentDataSource<S> {
  readonly store: ConsentStore;
}

const { ProviderReferenceIdUnknown, ProviderReferenceIdAlreadyUsed, ConsumerReferenceIdUnknown, ConsumerReferenceIdAlreadyUsed } = ConsentStatusCode;

const isConsentApi = (api: string): api is ConsentApi => ConsentApiSchema.safeParse(api).success;

const sameScopes = (a: readonly string[], b: readonly string[]): boolean => [...new Set(a)].sort().join(' ') === [...new Set(b)].sort().join(' ');

const schoolOf = (record: ConsentRecord): ConsentSchoolReference => ({ organisationMasterIdentifier: record.orgMasterId });

const describe = (record: ConsentKey): string => `${record.api} at school ${record.orgMasterId}`;

function matchesList(record: ConsentRecord, filters: ConsentListFilters): record is ConsentRecord & { api: ConsentApi } {
  if (!isConsentApi(record.api)) return false;
  if (filters.api !== undefined && record.api !== filters.api) return false;
  return filters.since === undefined || Date.parse(record.updatedAt) > Date.parse(filters.since);
}

function toStatus(record: ConsentRecord & { api: ConsentApi }): ConsentStatus {
  return {
    // Edu-V: required, and empty until the school has granted the request.
    providerReferenceId: record.providerReferenceId ?? '',
    ...(record.consumerReferenceId !== undefined ? { consumerReferenceId: record.consumerReferenceId } : {}),
    school: schoolOf(record),
    api: record.api,
    scopes: [...record.scopes],
    ...(record.consumerStatus !== undefined ? { consumerStatus: record.consumerStatus } : {}),
    providerStatus: record.providerStatus,
  };
}

/** A message this side refused with a 10xx code: the confirmation that answers it, and when. */
interface Refusal {
  readonly clientId: string;
  readonly at: string;
  readonly confirmation: ConsentConfirmation & { api: ConsentApi };
}

type RefusedMessage = Pick<ConsentRequest, 'api'> & { providerReferenceId?: string; consumerReferenceId?: string; scopes?: readonly string[] };

/**
 * The Consent API over a ConsentStore: the bron's consent registration as seen from each calling
 * client. Lifecycle of a consent where this side holds the data (`dataProvider: 'self'`):
 *
 * 1. the client's ConsentRequest → providerStatus and consumerStatus `requested`;
 * 2. the school grants (`store.activate`) → providerStatus `granted`, a providerReferenceId;
 * 3. the client's ConsentConfirmation → consumerStatus `confirmed` (or what it sends);
 * 4. a ConsentRevoke from the client or `store.deactivate` → both `revoked`.
 *
 * A ConsentNotification from the client (it holds the data) is recorded with `dataProvider:
 * 'client'` and confirmed automatically; the confirmation shows on `GET /consent/confirmations`.
 *
 * A request, notification or revoke whose reference ids do not fit is accepted (202) and answered
 * the Edu-V way, by a confirmation carrying 1001-1004, also on `GET /consent/confirmations`; nothing
 * else changes. A confirmation is the last message of an exchange, so its errors are refused at once.
 */
export function createInMemoryConsentSource<S extends SchoolRecord>(options: InMemoryConsentSourceOptions<S>): InMemoryConsentSource<S> {
  const store = options.store ?? createInMemoryConsentStore();
  const newReferenceId = options.newReferenceId ?? (() => globalThis.crypto.randomUUID());
  const keyFor = (clientId: string, school: ResolvedSchool<S>, api: ConsentApi): ConsentKey => ({ clientId, orgMasterId: school.school.orgMasterId, api });
  const current = (key: ConsentKey): ConsentRecord | undefined => store.list(key)[0];
  const sameKey = (record: ConsentRecord, key: ConsentKey): boolean => record.orgMasterId === key.orgMasterId && record.api === key.api;
  const refusals: Refusal[] = [];
  const refuse = (clientId: string, message: RefusedMessage, school: ResolvedSchool<S>, code: ConsentCode, detail: string): void => {
    const failure = statusFailure(code, detail);
    refusals.push({
      clientId,
      at: new Date().toISOString(),
      confirmation: {
        providerReferenceId: message.providerReferenceId ?? '',
        consumerReferenceId: message.consumerReferenceId ?? '',
        school: { organisationMasterIdentifier: school.school.orgMasterId },
        api: message.api,
        scopes: [...(message.scopes ?? [])],
        status: failure.eduvStatus,
        statusMessage: failure.statusMessage,
      },
    });
  };

  return {
    store,
    schools: options.schools,

    statuses(clientId, filters) {
      return store
        .list({ clientId })
        .filter((record) => matchesList(record, filters))
        .map(toStatus);
    },

    statusForSchool(clientId, school, filters: ConsentSchoolFilters) {
      // The store lists oldest change first: the most recent consent is the last match.
      const matching = store
        .list(school ? { clientId, orgMasterId: school.school.orgMasterId } : { clientId })
        .filter((record) => matchesList(record, filters))
        .filter((record) => filters.providerReferenceId === undefined || record.providerReferenceId === filters.providerReferenceId)
        .filter((record) => filters.consumerReferenceId === undefined || record.consumerReferenceId === filters.consumerReferenceId);
      const latest = matching.at(-1);
      return latest && toStatus(latest);
    },

    receiveRequest(clientId, request, school) {
      const key = keyFor(clientId, school, request.api);
      const used = store.list({ clientId }).find((record) => record.consumerReferenceId === request.consumerReferenceId);
      if (used) {
        // The same request again (a retry): accepted without processing it twice.
        if (sameKey(used, key) && sameScopes(used.scopes, request.scopes) && used.providerStatus !== 'revoked') return;
        return refuse(
          clientId,
          request,
          school,
          ConsumerReferenceIdAlreadyUsed,
          `${request.consumerReferenceId} already names this client's consent for ${describe(used)}`,
        );
      }
      const existing = current(key);
      if (isActiveRecord(existing)) {
        throw consentConflict(
          `${describe(key)} is already granted to this client (providerReferenceId ${existing!.providerReferenceId}); revoke it before requesting again`,
        );
      }
      store.put({
        ...key,
        dataProvider: 'self',
        scopes: request.scopes,
        consumerReferenceId: request.consumerReferenceId,
        providerStatus: 'requested',
        consumerStatus: 'requested',
      });
    },

    receiveNotification(clientId, notification, school) {
      const key = keyFor(clientId, school, notification.api);
      const mine = store.list({ clientId });
      const byProvider = mine.find((record) => record.providerReferenceId === notification.providerReferenceId);
      if (byProvider && !sameKey(byProvider, key)) {
        return refuse(
          clientId,
          notification,
          school,
          ProviderReferenceIdAlreadyUsed,
          `${notification.providerReferenceId} already names the consent for ${describe(byProvider)}`,
        );
      }
      const existing = current(key);
      if (notification.consumerReferenceId !== undefined && existing?.consumerReferenceId !== notification.consumerReferenceId) {
        return refuse(
          clientId,
          notification,
          school,
          ConsumerReferenceIdUnknown,
          `no request ${notification.consumerReferenceId} of this client for ${describe(key)}`,
        );
      }
      if (existing && existing.dataProvider === 'self' && existing.providerStatus !== 'revoked') {
        throw consentConflict(`this side is the data provider for ${describe(key)}; a notification from the client cannot replace its consent`);
      }
      const providerStatus = notification.providerStatus ?? 'granted';
      if (byProvider && byProvider.providerStatus === providerStatus && byProvider.dataProvider === 'client') return;
      store.put({
        ...key,
        dataProvider: 'client',
        scopes: notification.scopes ?? existing?.scopes ?? [],
        providerReferenceId: notification.providerReferenceId,
        consumerReferenceId: notification.consumerReferenceId ?? existing?.consumerReferenceId ?? newReferenceId(),
        providerStatus,
        // This side confirms every notification it can match (Edu-V lets the Ontvanger confirm automatically).
        consumerStatus: providerStatus === 'revoked' ? 'revoked' : 'confirmed',
      });
    },

    receiveRevoke(clientId, revoke, school) {
      const key = keyFor(clientId, school, revoke.api);
      const record = store.list({ clientId }).find((candidate) => candidate.providerReferenceId === revoke.providerReferenceId);
      if (!record || !sameKey(record, key)) {
        return refuse(clientId, revoke, school, ProviderReferenceIdUnknown, `no consent ${revoke.providerReferenceId} of this client for ${describe(key)}`);
      }
      if (record.consumerReferenceId !== undefined && record.consumerReferenceId !== revoke.consumerReferenceId) {
        return refuse(
          clientId,
          revoke,
          school,
          ConsumerReferenceIdUnknown,
          `the consent ${revoke.providerReferenceId} has consumerReferenceId ${record.consumerReferenceId}, not ${revoke.consumerReferenceId}`,
        );
      }
      if (record.providerStatus === 'revoked') return;
      store.put({ ...record, consumerReferenceId: revoke.consumerReferenceId, providerStatus: 'revoked', consumerStatus: 'revoked' });
    },

    receiveConfirmation(clientId, confirmation, school) {
      const key = keyFor(clientId, school, confirmation.api);
      const mine = store.list({ clientId });
      const record = mine.find((candidate) => candidate.providerReferenceId === confirmation.providerReferenceId);
      if (!record || !sameKey(record, key) || record.dataProvider !== 'self') {
        throw consentRefusal(ProviderReferenceIdUnknown, `no consent ${confirmation.providerReferenceId} granted to this client for ${describe(key)}`);
      }
      if (record.providerStatus === 'revoked') {
        throw consentConflict(`the consent ${confirmation.providerReferenceId} for ${describe(key)} was revoked and cannot be confirmed`);
      }
      // "" only answers a message that carried no id (a refusal); a confirmation that accepts names the consumer's side.
      if (confirmation.consumerReferenceId === '' && confirmation.status === undefined) {
        throw BronError.schema(
          'body field "consumerReferenceId" must be a GUID in a confirmation that accepts the consent ("" only in a refusal with a status)',
        );
      }
      if (record.consumerReferenceId !== undefined && record.consumerReferenceId !== confirmation.consumerReferenceId) {
        throw record.consumerStatus === 'confirmed'
          ? consentRefusal(
              ProviderReferenceIdAlreadyUsed,
              `the consent ${confirmation.providerReferenceId} is already confirmed as ${record.consumerReferenceId}`,
            )
          : consentRefusal(
              ConsumerReferenceIdUnknown,
              `the consent ${confirmation.providerReferenceId} answers request ${record.consumerReferenceId}, not ${confirmation.consumerReferenceId}`,
            );
      }
      const elsewhere = mine.find((candidate) => candidate !== record && candidate.consumerReferenceId === confirmation.consumerReferenceId);
      if (elsewhere) {
        throw consentRefusal(
          ConsumerReferenceIdAlreadyUsed,
          `${confirmation.consumerReferenceId} already names this client's consent for ${describe(elsewhere)}`,
        );
      }
      if (
        record.consumerStatus === confirmation.consumerStatus &&
        record.consumerReferenceId === confirmation.consumerReferenceId &&
        record.confirmationStatus === confirmation.status
      ) {
        return;
      }
      store.put({
        ...record,
        consumerReferenceId: confirmation.consumerReferenceId,
        consumerStatus: confirmation.consumerStatus,
        confirmationStatus: confirmation.status,
        confirmationStatusMessage: confirmation.statusMessage,
      });
    },

    requests(clientId, filters) {
      return store
        .list({ clientId })
        .filter((record) => matchesList(record, filters))
        .filter((record): record is ConsentRecord & { api: ConsentApi; consumerReferenceId: string } => record.consumerReferenceId !== undefined)
        .map((record): ConsentRequest => ({
          consumerReferenceId: record.consumerReferenceId,
          school: schoolOf(record),
          api: record.api,
          scopes: [...record.scopes],
          ...(record.consumerStatus !== undefined ? { consumerStatus: record.consumerStatus } : {}),
        }));
    },

    confirmations(clientId, filters) {
      const refused = refusals
        .filter((refusal) => refusal.clientId === clientId)
        .filter((refusal) => filters.api === undefined || refusal.confirmation.api === filters.api)
        .filter((refusal) => filters.since === undefined || Date.parse(refusal.at) > Date.parse(filters.since))
        .map((refusal) => refusal.confirmation);
      const answered = store
        .list({ clientId })
        .filter((record) => matchesList(record, filters))
        .filter(
          (
            record,
          ): record is ConsentRecord & {
            api: ConsentApi;
            providerReferenceId: string;
            consumerReferenceId: string;
            consumerStatus: NonNullable<ConsentRecord['consumerStatus']>;
          } =>
            record.providerReferenceId !== undefined &&
            record.consumerReferenceId !== undefined &&
            record.consumerStatus !== undefined &&
            (record.consumerStatus === 'confirmed' || record.confirmationStatus !== undefined),
        )
        .map((record): ConsentConfirmation => ({
          providerReferenceId: record.providerReferenceId,
          consumerReferenceId: record.consumerReferenceId,
          school: schoolOf(record),
          api: record.api,
          scopes: [...record.scopes],
          consumerStatus: record.consumerStatus,
          ...(record.confirmationStatus !== undefined ? { status: record.confirmationStatus } : {}),
          ...(record.confirmationStatusMessage !== undefined ? { statusMessage: record.confirmationStatusMessage } : {}),
        }));
      return [...answered, ...refused];
    },
  };
}
