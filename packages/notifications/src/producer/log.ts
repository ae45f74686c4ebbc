import { createdTime, toNotification } from '../apis';
import type { Notification } from '../generated/models';
import { NotificationSchema } from '../generated/schemas';

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
  /** The notifications matching the filter, oldest first. */
  list(filter?: NotificationLogFilter): StoredNotification[];
  /** Everything appended after the notification with this sequence number (0: everything). */
  after(sequence: number): StoredNotification[];
}

export interface NotificationLogOptions {
  now?: () => Date;
  newId?: () => string;
}

function freezeDeep<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) freezeDeep(child);
    Object.freeze(value);
  }
  return value;
}

/** The producer's in-memory record of notifications; the dispatcher and `GET /notifications` read it. */
export function createNotificationLog(options: NotificationLogOptions = {}): NotificationLog {
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? (() => globalThis.crypto.randomUUID());
  const entries: StoredNotification[] = [];
  const times: number[] = [];
  const ids = new Set<string>();

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
      const last = times.at(-1);
      let created: string;
      let time: number;
      if (input.created !== undefined) {
        created = input.created;
        time = createdTime(created);
        if (last !== undefined && time < last) {
          throw new RangeError(`created ${created} is earlier than the last notification in the log (${entries.at(-1)!.created}); the log keeps append order equal to created order`);
        }
      } else {
        time = now().getTime();
        if (last !== undefined && time <= last) time = last + 1;
        created = new Date(time).toISOString();
      }
      const id = input.id ?? newId();
      if (ids.has(id)) throw new RangeError(`the log already holds a notification with id ${id}`);
      const { api, orgMasterId, ...fields } = input;
      const notification = toNotification({ ...fields, id, created } as Notification);
      const checked = NotificationSchema.safeParse(notification);
      if (!checked.success) {
        throw new TypeError(`not a valid notification: ${checked.error.issues.map((issue) => `${issue.path.join('.') || '(root)'} ${issue.message}`).join('; ')}`);
      }
      if (typeof api !== 'string' || api === '') throw new TypeError('a notification needs the api it is about');
      const school = orgMasterId ?? notification.school?.organisationMasterIdentifier;
      const stored: StoredNotification = freezeDeep(
        structuredClone({ ...notification, sequence: entries.length + 1, api, ...(school !== undefined ? { orgMasterId: school } : {}) }),
      );
      entries.push(stored);
      times.push(time);
      ids.add(id);
      return stored;
    },
    list(filter = {}) {
      let start = 0;
      if (filter.since !== undefined) {
        const since = createdTime(filter.since);
        if (Number.isNaN(since)) throw new RangeError(`since must be an RFC 3339 date-time, got ${filter.since}`);
        start = firstAfter(since);
      }
      return entries
        .slice(start)
        .filter(
          (entry) =>
            (filter.api === undefined || entry.api === filter.api) &&
            (filter.objectType === undefined || entry.objectType === filter.objectType) &&
            (filter.orgMasterId === undefined || entry.orgMasterId === filter.orgMasterId),
        );
    },
    after(sequence) {
      return entries.slice(Math.max(0, Math.floor(sequence)));
    },
  };
}
