import { systemClock, type Clock } from '@eduvkit/core';
import type { ConsentState } from '../generated/models';

/** One exchange: a client, a school (by OnderwijsaanbiederId) and an Edu-V API (`students-api`, ...). */
export interface ConsentKey {
  readonly clientId: string;
  readonly orgMasterId: string;
  /** Edu-V API name as the Consent API writes it, e.g. `students-api`. */
  readonly api: string;
}

/**
 * The consent registration of one exchange, as a Consent API keeps it. There is one record per
 * key: a new request after a revocation replaces the old record.
 */
export interface ConsentRecord extends ConsentKey {
  /**
   * Which side holds the data. `self`: the component behind this Consent API (the usual bron case:
   * the client consumes). `client`: the client is the data provider and told us so with a
   * ConsentNotification. Only `self` records open the flow of data to the client (`isActive`).
   */
  readonly dataProvider: 'self' | 'client';
  /** Consented scopes; empty means every scope of the API the client may hold. */
  readonly scopes: readonly string[];
  /** The data provider's reference; absent until the consent is granted. */
  readonly providerReferenceId?: string;
  /** The data consumer's reference (of its request or confirmation); absent until it gives one. */
  readonly consumerReferenceId?: string;
  readonly providerStatus: ConsentState;
  /** Absent while the consumer has said nothing (the school granted on its own). */
  readonly consumerStatus?: ConsentState;
  /** The status code a consumer's confirmation carried when it rejected the consent (1001-1004). */
  readonly confirmationStatus?: number;
  readonly confirmationStatusMessage?: string;
  /** RFC 3339 UTC timestamps; `updatedAt` drives the `since` filters. */
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A record as written: the store stamps the timestamps. */
export type ConsentRecordInput = Omit<ConsentRecord, 'createdAt' | 'updatedAt'>;

/**
 * Where a Consent API keeps its registrations. Deliberately small and synchronous, so that the mock
 * server's consent registry (admin page, `consentAuthorizer`) and the Consent API can share one.
 *
 * - `list(filter)`: every record whose key matches the given parts, revoked and requested ones
 *   included, oldest change first.
 * - `isActive(key)`: true while data may flow to the client: a `self` record whose providerStatus
 *   is granted (or confirmed). This is what `consentAuthorizer({ isActive })` asks.
 * - `put(record)`: creates or replaces the record of its key; keeps `createdAt` of a replaced
 *   record and sets `updatedAt` to now. Returns the stored record.
 * - `activate(key, scopes?)`: the school's application manager grants the exchange. A pending
 *   request becomes granted (keeping its consumerReferenceId and scopes unless `scopes` is given);
 *   an active record only takes new scopes; anything else (nothing, revoked, client-side) becomes a
 *   fresh granted record. Every grant that is not already active gets a new providerReferenceId.
 * - `deactivate(key)`: the exchange is revoked (or a pending request refused): both statuses become
 *   revoked and the record stays, so `since` queries report the change. False when there was
 *   nothing to revoke.
 */
export interface ConsentStore {
  list(filter?: Partial<ConsentKey>): readonly ConsentRecord[];
  isActive(key: ConsentKey): boolean;
  put(record: ConsentRecordInput): ConsentRecord;
  activate(key: ConsentKey, scopes?: readonly string[]): ConsentRecord;
  deactivate(key: ConsentKey): boolean;
}

/** Does this record let data of its API flow to its client? */
export function isActiveRecord(record: ConsentRecord | undefined): boolean {
  return record !== undefined && record.dataProvider === 'self' && (record.providerStatus === 'granted' || record.providerStatus === 'confirmed');
}

export interface InMemoryConsentStoreOptions {
  /** The clock; default the system clock. */
  readonly now?: Clock;
  /** Generates providerReferenceIds on `activate`; default `crypto.randomUUID()`. */
  readonly newReferenceId?: () => string;
}

/** The in-memory store, plus change listeners (the mock server can push notifications from them). */
export interface InMemoryConsentStore extends ConsentStore {
  /** Called after every change with the new record and the one it replaced; returns an unsubscribe function. */
  onChange(listener: (record: ConsentRecord, previous: ConsentRecord | undefined) => void): () => void;
}

const keyOf = (key: ConsentKey): string => `${key.clientId}\u0000${key.orgMasterId}\u0000${key.api}`;

const sortedScopes = (scopes: readonly string[]): string[] => [...new Set(scopes)].sort();

/** A ConsentStore in a Map: for the mock server, MSW handlers and tests. */
export function createInMemoryConsentStore(options: InMemoryConsentStoreOptions = {}): InMemoryConsentStore {
  const now = options.now ?? systemClock;
  const newReferenceId = options.newReferenceId ?? (() => globalThis.crypto.randomUUID());
  const records = new Map<string, ConsentRecord>();
  const listeners = new Set<(record: ConsentRecord, previous: ConsentRecord | undefined) => void>();

  const put = (input: ConsentRecordInput): ConsentRecord => {
    const key = keyOf(input);
    const previous = records.get(key);
    const stamp = now().toISOString();
    // Built field by field: fields given as undefined are left out, and stale timestamps of a
    // spread record are never carried over.
    const record: ConsentRecord = {
      clientId: input.clientId,
      orgMasterId: input.orgMasterId,
      api: input.api,
      dataProvider: input.dataProvider,
      scopes: sortedScopes(input.scopes),
      ...(input.providerReferenceId !== undefined ? { providerReferenceId: input.providerReferenceId } : {}),
      ...(input.consumerReferenceId !== undefined ? { consumerReferenceId: input.consumerReferenceId } : {}),
      providerStatus: input.providerStatus,
      ...(input.consumerStatus !== undefined ? { consumerStatus: input.consumerStatus } : {}),
      ...(input.confirmationStatus !== undefined ? { confirmationStatus: input.confirmationStatus } : {}),
      ...(input.confirmationStatusMessage !== undefined ? { confirmationStatusMessage: input.confirmationStatusMessage } : {}),
      createdAt: previous?.createdAt ?? stamp,
      updatedAt: stamp,
    };
    // Re-insert so that Map order stays "oldest change first".
    records.delete(key);
    records.set(key, record);
    for (const listener of listeners) listener(record, previous);
    return record;
  };

  return {
    list(filter = {}) {
      return [...records.values()].filter(
        (record) =>
          (filter.clientId === undefined || record.clientId === filter.clientId) &&
          (filter.orgMasterId === undefined || record.orgMasterId === filter.orgMasterId) &&
          (filter.api === undefined || record.api === filter.api),
      );
    },
    isActive(key) {
      return isActiveRecord(records.get(keyOf(key)));
    },
    put,
    activate(key, scopes) {
      const existing = records.get(keyOf(key));
      const exchange = { clientId: key.clientId, orgMasterId: key.orgMasterId, api: key.api };
      if (existing && isActiveRecord(existing)) {
        if (scopes === undefined || sortedScopes(scopes).join(' ') === existing.scopes.join(' ')) return existing;
        return put({ ...existing, scopes });
      }
      if (existing && existing.dataProvider === 'self' && existing.providerStatus === 'requested') {
        return put({ ...existing, scopes: scopes ?? existing.scopes, providerReferenceId: newReferenceId(), providerStatus: 'granted' });
      }
      return put({ ...exchange, dataProvider: 'self', scopes: scopes ?? [], providerReferenceId: newReferenceId(), providerStatus: 'granted' });
    },
    deactivate(key) {
      const existing = records.get(keyOf(key));
      if (!existing || existing.providerStatus === 'revoked') return false;
      put({ ...existing, providerStatus: 'revoked', consumerStatus: 'revoked' });
      return true;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
