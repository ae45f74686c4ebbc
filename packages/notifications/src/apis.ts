import { EduvConfigError } from '@eduvkit/core';
import type { Notification, NotificationApi } from './generated/models';
import { NotificationApiSchema } from './generated/schemas';
import { SUBSCRIBABLE_APIS } from './generated/subscribable-apis';

/** The data APIs one can subscribe to, in the order of the spec's enum. */
export const NOTIFICATION_APIS: readonly NotificationApi[] = NotificationApiSchema.options;

/**
 * The scope a client needs to subscribe to (and read the notifications of) each data API: the
 * basic scope of that API, from its spec (eduvkit's choice; Edu-V names no scope for the Notifications API).
 */
export const NOTIFICATION_API_SCOPES: Readonly<Record<NotificationApi, string>> = Object.fromEntries(
  NOTIFICATION_APIS.map((api) => [api, SUBSCRIBABLE_APIS[api].scope]),
) as Record<NotificationApi, string>;

/**
 * The objectType names eduvkit uses (the data APIs' object names, from their specs; Edu-V has not
 * published the values) and the API that serves each: the API to re-read or fetch from.
 */
export const NOTIFICATION_OBJECT_TYPES: Readonly<Record<string, NotificationApi>> = Object.fromEntries(
  NOTIFICATION_APIS.flatMap((api) => SUBSCRIBABLE_APIS[api].objectTypes.map((objectType) => [objectType, api])),
);

export function isNotificationApi(value: unknown): value is NotificationApi {
  return NotificationApiSchema.safeParse(value).success;
}

/** The API a notification's objectType belongs to, for the names eduvkit uses; undefined otherwise. */
export function apiForObjectType(objectType: string): NotificationApi | undefined {
  return Object.hasOwn(NOTIFICATION_OBJECT_TYPES, objectType) ? NOTIFICATION_OBJECT_TYPES[objectType] : undefined;
}

/** Milliseconds since the epoch of a `created` (or `since`) value; NaN when it is no date-time. */
export function createdTime(value: string): number {
  return Date.parse(value);
}

/** A copy sorted by `created`, oldest first; notifications with the same `created` keep their order. */
export function sortByCreated<T extends Pick<Notification, 'created'>>(notifications: readonly T[]): T[] {
  return notifications
    .map((notification, index) => ({ notification, index, time: createdTime(notification.created) }))
    .sort((a, b) => a.time - b.time || a.index - b.index)
    .map((entry) => entry.notification);
}

const NOTIFICATION_KEYS = ['id', 'notificationType', 'objectType', 'objectId', 'school', 'created', 'url', 'isDeleteNotification'] as const;

/** Only the fields of the Notification object: what goes on the wire (drops a log's bookkeeping). */
export function toNotification(value: Notification): Notification {
  const out: Record<string, unknown> = {};
  for (const key of NOTIFICATION_KEYS) if (value[key] !== undefined) out[key] = value[key];
  return out as unknown as Notification;
}

/** A bounded memory of ids: remembers the most recent `limit`, forgets the oldest first. */
export class RecentIds {
  readonly #ids = new Set<string>();
  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new EduvConfigError(`rememberIds must be a positive integer, got ${limit}`);
  }
  has(id: string): boolean {
    return this.#ids.has(id);
  }
  add(id: string): void {
    this.#ids.delete(id);
    this.#ids.add(id);
    if (this.#ids.size > this.limit) this.#ids.delete(this.#ids.values().next().value as string);
  }
  get size(): number {
    return this.#ids.size;
  }
}
