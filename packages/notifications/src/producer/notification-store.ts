import { createdTime } from '../apis';
import type { NotificationLogFilter, StoredNotification } from './log';
import type { Subscription } from './dispatcher';

/** A checked notification on its way into a store: `sequence` is the store's to give, `created` too when absent. */
export type NotificationDraft = Omit<StoredNotification, 'sequence' | 'created'> & { readonly created?: string };

/** A subscription as a store keeps it: with the sequence number of the last notification it is done with. */
export interface StoredSubscription extends Subscription {
  readonly cursor: number;
}

/** Who may deliver a subscription's notifications right now (one deliverer per subscription at a time). */
export interface SubscriptionLease {
  readonly worker: string;
  readonly now: Date;
  readonly leaseMs: number;
}

/**
 * What a notification producer keeps, behind one interface, so that several instances share their
 * log, subscriptions and delivery cursors and a crash loses nothing. `createInMemoryNotificationStore`
 * ships here, `createPostgresNotificationStore` in `@eduvkit/store-postgres`. Every method is atomic
 * on its own; times are passed in.
 */
export interface NotificationStore {
  /**
   * Appends the batch atomically (all or nothing) with the next sequence numbers, as
   * `placeNotifications` does: a draft without `created` gets `now` (at least 1 ms after the last
   * one), an explicit `created` earlier than the last is refused (RangeError), as is an id the store
   * already holds. Once a notification with sequence n can be read, so can every one before it.
   */
  append(batch: readonly NotificationDraft[], now: Date): Promise<StoredNotification[]>;
  /** Up to `limit` notifications after `sequence`, in sequence order; only those of `api` when given. */
  after(sequence: number, options: { readonly api?: string; readonly limit: number }): Promise<StoredNotification[]>;
  /** The highest sequence number given out (0 for an empty log). */
  lastSequence(): Promise<number>;
  /** The notifications matching the filter, oldest first. */
  list(filter?: NotificationLogFilter): Promise<StoredNotification[]>;
  /**
   * Idempotent per (clientId, api): a new subscription starts with cursor `cursor`; an existing one
   * keeps its cursor and takes over the callbackUrl.
   */
  saveSubscription(subscription: Subscription, cursor: number): Promise<StoredSubscription>;
  subscriptions(): Promise<StoredSubscription[]>;
  getSubscription(clientId: string, api: string): Promise<StoredSubscription | undefined>;
  removeSubscription(clientId: string, api: string): Promise<void>;
  /** Moves the cursor forward to `to`; a lower value changes nothing. Resolves with the cursor after the call. */
  advanceCursor(clientId: string, api: string, to: number): Promise<number | undefined>;
  /**
   * Takes (or renews) the lease on one subscription for `worker`; resolves with the subscription
   * when `worker` holds it afterwards, undefined when another worker's lease has not ended.
   */
  leaseSubscription(clientId: string, api: string, lease: SubscriptionLease): Promise<StoredSubscription | undefined>;
  /** Gives the lease up (when `worker` holds it), so another instance may take over at once. */
  releaseSubscription(clientId: string, api: string, worker: string): Promise<void>;
  close(): Promise<void>;
}

/** The last notification of a log, as `placeNotifications` needs it. */
export interface LogHead {
  readonly sequence: number;
  /** Milliseconds since the epoch of its `created`. */
  readonly time: number;
  readonly created: string;
}

/**
 * Gives a batch its places after `head`: sequence numbers one up, and `created` in append order —
 * a default is `now` but at least 1 ms after the previous one, an explicit one earlier than the
 * previous is refused (RangeError). Pure: a store calls it while it holds its log's head.
 */
export function placeNotifications(
  head: LogHead | undefined,
  batch: readonly NotificationDraft[],
  now: Date,
): { placed: StoredNotification[]; head: LogHead | undefined } {
  const placed: StoredNotification[] = [];
  let last = head;
  for (const draft of batch) {
    let created: string;
    let time: number;
    if (draft.created !== undefined) {
      created = draft.created;
      time = createdTime(created);
      if (last !== undefined && time < last.time) {
        throw new RangeError(
          `created ${created} is earlier than the last notification in the log (${last.created}); the log keeps append order equal to created order`,
        );
      }
    } else {
      time = now.getTime();
      if (last !== undefined && time <= last.time) time = last.time + 1;
      created = new Date(time).toISOString();
    }
    const sequence = (last?.sequence ?? 0) + 1;
    placed.push({ ...draft, created, sequence });
    last = { sequence, time, created };
  }
  return { placed, head: last };
}

/** Whether a notification passes a log filter (`since` aside, which a store applies by time). */
export const matchesFilter = (entry: StoredNotification, filter: NotificationLogFilter): boolean =>
  (filter.api === undefined || entry.api === filter.api) &&
  (filter.objectType === undefined || entry.objectType === filter.objectType) &&
  (filter.orgMasterId === undefined || entry.orgMasterId === filter.orgMasterId);

/** `since` as milliseconds, or a RangeError naming it. */
export function sinceTime(since: string): number {
  const time = createdTime(since);
  if (Number.isNaN(time)) throw new RangeError(`since must be an RFC 3339 date-time, got ${since}`);
  return time;
}
