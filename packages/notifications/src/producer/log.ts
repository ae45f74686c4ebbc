import { systemClock, type Clock } from '@eduvkit/core';
import { toNotification } from '../apis';
import type { Notification } from '../generated/models';
import { positive } from './delivery-attempt';
import { NotificationSchema } from '../generated/schemas';
import { matchesFilter, placeNotifications, sinceTime, type LogHead, type NotificationDraft } from './notification-store';

/** A notification as the producer keeps it: with its place in the log, its API and its school. */
export type StoredNotification = Notification & {
  /** 1 for the first notification appended, then one up: the log's order. */
  readonly sequence: number;
  /** The data API the notification is about, e.g. `students-api`. */
  readonly api: string;
  /** The school's OnderwijsaanbiederId: given, or else `school.organisationMasterIdentifier`. */
  readonly orgMasterId?: string;
};

export type NotificationLogInput = Omit<Notification, 'id' | 'created'> & {
  /** Default: now. Must not be earlier than the last notification's. */
  created?: string;
  api: string;
  /** Default: a new UUID. */
  id?: string;
  /** Default: `school.organisationMasterIdentifier`. */
  orgMasterId?: string;
};

export interface NotificationLogFilter {
  api?: string;
  /** Only notifications created after this moment (exclusive). */
  since?: string;
  objectType?: string;
  orgMasterId?: string;
}

export interface NotificationLog {
  /**
   * Records a notification: assigns `id` (UUID) and `created` (now, RFC 3339 UTC with Z) unless
   * given. Append order is `created` order: a default `created` is at least 1 ms after the last
   * one, an explicit one earlier than the last is refused (RangeError); a notification that does
   * not match the Notification schema is refused (TypeError).
   */
  append(input: NotificationLogInput): StoredNotification;
  /** The notifications still held that match the filter, oldest first. */
  list(filter?: NotificationLogFilter): StoredNotification[];
  /** Everything still held that was appended after the notification with this sequence number (0: all of it). */
  after(sequence: number): StoredNotification[];
}

export interface NotificationLogOptions {
  now?: Clock;
  newId?: () => string;
  /**
   * Keeps the newest `capacity` notifications and drops older ones as new ones come: `list` no
   * longer shows them and a subscriber still behind them skips them. Default: no bound.
   */
  capacity?: number;
}

function freezeDeep<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) freezeDeep(child);
    Object.freeze(value);
  }
  return value;
}

/**
 * Checks an input against the Notification schema (TypeError when it does not match) and gives it
 * an id: what both the in-memory log and a store-backed one append.
 */
export function draftNotification(input: NotificationLogInput, newId: () => string): NotificationDraft {
  const id = input.id ?? newId();
  const { api, orgMasterId, created, ...fields } = input;
  // A draft without `created` gets one when it is placed; any valid date-time stands in for the check.
  const notification = toNotification({ ...fields, id, created: created ?? new Date(0).toISOString() });
  const checked = NotificationSchema.safeParse(notification);
  if (!checked.success) {
    throw new TypeError(`not a valid notification: ${checked.error.issues.map((issue) => `${issue.path.join('.') || '(root)'} ${issue.message}`).join('; ')}`);
  }
  if (typeof api !== 'string' || api === '') throw new TypeError('a notification needs the api it is about');
  const school = orgMasterId ?? notification.school?.organisationMasterIdentifier;
  const { created: _placeholder, ...rest } = notification;
  return structuredClone({ ...rest, ...(created !== undefined ? { created } : {}), api, ...(school !== undefined ? { orgMasterId: school } : {}) });
}

/** The producer's in-memory record of notifications; the dispatcher and `GET /notifications` read it. */
export function createNotificationLog(options: NotificationLogOptions = {}): NotificationLog {
  const now = options.now ?? systemClock;
  const newId = options.newId ?? (() => globalThis.crypto.randomUUID());
  const capacity = options.capacity === undefined ? Infinity : positive('capacity', options.capacity, Infinity, true);
  const entries: StoredNotification[] = [];
  const times: number[] = [];
  const ids = new Set<string>();
  let head: LogHead | undefined;
  /** How many of the oldest entries were dropped: entry `index` holds sequence `dropped + index + 1`. */
  let dropped = 0;

  /** Index of the first entry created after `time`. */
  const firstAfter = (time: number): number => {
    let low = 0;
    let high = times.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (times[middle]! > time) high = middle;
      else low = middle + 1;
    }
    return low;
  };

  return {
    append(input) {
      const draft = draftNotification(input, newId);
      if (ids.has(draft.id)) throw new RangeError(`the log already holds a notification with id ${draft.id}`);
      const placement = placeNotifications(head, [draft], now());
      // A clone is a third smaller than the placed object (~700 B instead of ~1 KiB with a Student's
      // url): the spread that placed it leaves its properties in a separate, larger store.
      const stored = freezeDeep(structuredClone(placement.placed[0]!));
      head = placement.head;
      entries.push(stored);
      times.push(head!.time);
      ids.add(stored.id);
      if (entries.length > capacity) {
        ids.delete(entries.shift()!.id);
        times.shift();
        dropped += 1;
      }
      return stored;
    },
    list(filter = {}) {
      let start = 0;
      if (filter.since !== undefined) {
        start = firstAfter(sinceTime(filter.since));
      }
      return entries.slice(start).filter((entry) => matchesFilter(entry, filter));
    },
    after(sequence) {
      return entries.slice(Math.max(0, Math.floor(sequence) - dropped));
    },
  };
}
