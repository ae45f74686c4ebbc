import { EduvStatus, reportError, type ErrorHook } from '@eduvkit/core';
import { BronError, createBron, refuseOtherRole, type BronOptions } from '@eduvkit/core/server';
import { RecentIds, sortByCreated } from '../apis';
import type { Notification } from '../generated/models';
import { notificationsApi } from '../generated/registry';

export interface NotificationReceiverOptions {
  /**
   * Processes new notifications, sorted by `created` (oldest first), never one it was handed before
   * (within the remembered ids). The receiver answers 202 only after this resolves; when it throws
   * the producer gets 500 and sends the batch again, so nothing is lost (at-least-once).
   */
  onNotifications(batch: Notification[]): void | Promise<void>;
  /**
   * Establishes the caller (the producer) or throws a BronError (401), e.g. with
   * `createAccessTokenVerifier`. Required unless `dangerouslyAcceptAnyToken`.
   */
  authenticate?: BronOptions['authenticate'];
  /** Local experiments and test doubles only: accept any bearer token unverified (see BronOptions). */
  dangerouslyAcceptAnyToken?: boolean;
  /** Path prefix of the consumer endpoints; default `/notifications-api/v0`. */
  basePath?: string;
  /** How many notification ids to remember for de-duplication; default 10 000. */
  rememberIds?: number;
  /** Role named in the 405 answer to the producer endpoints; default the spec's implementing role. */
  producerRole?: string;
  /** Called with the error when `onNotifications` (or the receiver) fails; the producer gets 500. */
  onError?: ErrorHook;
}

export interface NotificationReceiver {
  readonly basePath: string;
  /**
   * Answers `POST <basePath>/notification` and `POST <basePath>/notifications` (Fetch API);
   * undefined for a path outside the base path, so it can sit in front of other routes.
   */
  handle(request: Request): Promise<Response | undefined>;
}

export const DEFAULT_REMEMBERED_IDS = 10_000;

/**
 * The consumer (afnemer) side of the Notifications API: validates what the producer sends (400 /
 * 0011 naming the fields), drops notifications it already processed, hands the rest over in
 * `created` order and acknowledges (202) only once they are processed. Requests are processed
 * one at a time, in arrival order.
 */
export function createNotificationReceiver(options: NotificationReceiverOptions): NotificationReceiver {
  const seen = new RecentIds(options.rememberIds ?? DEFAULT_REMEMBERED_IDS);
  const producerRole = options.producerRole ?? notificationsApi.roles.implementing;
  let queue: Promise<unknown> = Promise.resolve();

  const process = (batch: readonly Notification[]): Promise<void> => {
    const run = async (): Promise<void> => {
      const fresh = new Map<string, Notification>();
      for (const notification of batch) {
        if (!seen.has(notification.id) && !fresh.has(notification.id)) fresh.set(notification.id, notification);
      }
      if (!fresh.size) return;
      await options.onNotifications(sortByCreated([...fresh.values()]));
      for (const id of fresh.keys()) seen.add(id);
    };
    const result = queue.then(run);
    queue = result.catch(() => undefined);
    return result.catch((error: unknown) => {
      reportError(options.onError, error, undefined);
      throw new BronError(500, EduvStatus.Other, 'the notifications could not be processed; send them again later');
    });
  };

  const refuseProducerEndpoint = (): never => {
    throw BronError.notProvider(producerRole);
  };

  const bron = createBron(
    notificationsApi,
    {
      subscribe: refuseProducerEndpoint,
      listNotifications: refuseProducerEndpoint,
      receiveNotification: async ({ body }) => {
        await process([body]);
        return undefined;
      },
      receiveNotifications: async ({ body }) => {
        await process(body);
        return undefined;
      },
    },
    {
      ...(options.authenticate ? { authenticate: options.authenticate } : {}),
      ...(options.dangerouslyAcceptAnyToken !== undefined ? { dangerouslyAcceptAnyToken: options.dangerouslyAcceptAnyToken } : {}),
      ...(options.basePath !== undefined ? { basePath: options.basePath.replace(/\/+$/, '') } : {}),
      onUnexpectedError: (error) => reportError(options.onError, error, undefined),
    },
  );
  const guarded = refuseOtherRole(bron, ['subscribe', 'listNotifications'], producerRole);
  return { basePath: guarded.basePath, handle: (request) => guarded.handle(request) };
}
