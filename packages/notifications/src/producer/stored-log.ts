import { draftNotification, type NotificationLogFilter, type NotificationLogInput, type NotificationLogOptions, type StoredNotification } from './log';
import { positive } from './delivery-attempt';
import type { NotificationStore } from './notification-store';

/** A notification log kept in a NotificationStore: shared by every instance on that store, durable when the store is. */
export interface StoredNotificationLog {
  /** As `NotificationLog.append`: TypeError for a notification off the schema, RangeError for an earlier `created` or a known id. */
  append(input: NotificationLogInput): Promise<StoredNotification>;
  /** Appends all or none, in the given order, under consecutive sequence numbers. */
  appendAll(inputs: readonly NotificationLogInput[]): Promise<StoredNotification[]>;
  list(filter?: NotificationLogFilter): Promise<StoredNotification[]>;
  /** Up to `limit` (default 1000) notifications appended after the one with this sequence number. */
  after(sequence: number, limit?: number): Promise<StoredNotification[]>;
}

export interface StoredNotificationLogOptions extends NotificationLogOptions {
  store: NotificationStore;
}

/**
 * The store-backed counterpart of `createNotificationLog`: the same checks and ordering, async,
 * with its entries in `options.store`. Call the dispatcher's `notify()` after an append.
 */
export function createStoredNotificationLog(options: StoredNotificationLogOptions): StoredNotificationLog {
  const { store } = options;
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? (() => globalThis.crypto.randomUUID());

  const appendAll = async (inputs: readonly NotificationLogInput[]) =>
    store.append(
      inputs.map((input) => draftNotification(input, newId)),
      now(),
    );
  return {
    async append(input) {
      const [stored] = await appendAll([input]);
      return stored!;
    },
    appendAll,
    list: (filter) => store.list(filter),
    after: async (sequence, limit) => {
      if (!Number.isFinite(sequence)) throw new RangeError(`sequence must be a number, got ${sequence}`);
      return store.after(Math.max(0, Math.floor(sequence)), { limit: positive('limit', limit, 1000, true) });
    },
  };
}
