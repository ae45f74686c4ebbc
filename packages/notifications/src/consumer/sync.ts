import { EduvConfigError } from '@eduvkit/core';
import { RecentIds, createdTime, sortByCreated } from '../apis';
import type { NotificationsClient } from '../client';
import type { Notification } from '../generated/models';
import { DEFAULT_REMEMBERED_IDS } from './receiver';

export interface NotificationSyncOptions {
  /**
   * Fetches the changed object through its data API (scope and consent apply), e.g. from
   * `notification.url` or by `objectType` + `objectId`. Resolve undefined when it is not there.
   */
  fetchObject(notification: Notification): Promise<unknown>;
  /** Store the fetched object (created or changed). */
  onUpsert(notification: Notification, object: unknown): void | Promise<void>;
  /** The object was deleted (`isDeleteNotification`): remove your copy. */
  onDelete(notification: Notification): void | Promise<void>;
  /** A bulk change (`notificationType: bulk`): re-read that API for that school. */
  onBulk(notification: Notification): void | Promise<void>;
  /**
   * `fetchObject` found nothing (resolved undefined): the object went away after the notification
   * or is no longer visible to you. Default: skip it.
   */
  onMissing?(notification: Notification): void | Promise<void>;
  /** Needed for `catchUp()`. */
  client?: NotificationsClient;
  /** The `created` of the last notification applied in an earlier run. */
  cursor?: string;
  /** How many notification ids to remember so a redelivered one is not applied twice; default 10 000. */
  rememberIds?: number;
}

export interface NotificationSync {
  /**
   * Applies notifications in `created` order, one at a time: a delete notification → onDelete,
   * bulk → onBulk, otherwise fetchObject + onUpsert. Skips ones it applied before. Stops at the
   * first failure and rejects with it; the cursor then stands at the last one applied.
   */
  apply(batch: readonly Notification[]): Promise<void>;
  /** `GET /notifications?since=<cursor>` through the client, applies the answer; resolves the number applied. */
  catchUp(): Promise<number>;
  /** `created` of the last notification applied; persist it and pass it back as `cursor` on restart. */
  readonly cursor: string | undefined;
}

/**
 * Keeps a consumer's copy of a producer's data up to date from notifications: hand it what the
 * receiver gets (`onNotifications: (batch) => sync.apply(batch)`) and call `catchUp()` at start-up
 * and after downtime. Calls to apply and catchUp are serialised.
 */
export function createNotificationSync(options: NotificationSyncOptions): NotificationSync {
  if (options.cursor !== undefined && Number.isNaN(createdTime(options.cursor))) {
    throw new EduvConfigError(`cursor must be an RFC 3339 date-time, got ${options.cursor}`);
  }
  let cursor = options.cursor;
  const applied = new RecentIds(options.rememberIds ?? DEFAULT_REMEMBERED_IDS);
  let queue: Promise<unknown> = Promise.resolve();

  const serialise = <T>(work: () => Promise<T>): Promise<T> => {
    const result = queue.then(work);
    queue = result.catch(() => undefined);
    return result;
  };

  const applyOne = async (notification: Notification): Promise<void> => {
    if (notification.isDeleteNotification) {
      await options.onDelete(notification);
    } else if (notification.notificationType === 'bulk') {
      await options.onBulk(notification);
    } else {
      const object = await options.fetchObject(notification);
      if (object === undefined) await options.onMissing?.(notification);
      else await options.onUpsert(notification, object);
    }
  };

  const applyAll = async (batch: readonly Notification[]): Promise<number> => {
    let count = 0;
    for (const notification of sortByCreated(batch)) {
      if (applied.has(notification.id)) continue;
      await applyOne(notification);
      applied.add(notification.id);
      count += 1;
      if (cursor === undefined || createdTime(notification.created) >= createdTime(cursor)) cursor = notification.created;
    }
    return count;
  };

  return {
    apply: (batch) => serialise(async () => void (await applyAll(batch))),
    catchUp: () =>
      serialise(async () => {
        if (!options.client) throw new EduvConfigError('catchUp needs a NotificationsClient (option client)');
        const { data } = await options.client.list(cursor === undefined ? {} : { since: cursor });
        return applyAll(data);
      }),
    get cursor() {
      return cursor;
    },
  };
}
