import { EduvStatus } from '@eduvkit/core';
import { BronError, createBron, refuseOtherRole, type Bron, type BronOptions, type CallerContext } from '@eduvkit/core/server';
import { NOTIFICATION_API_SCOPES, NOTIFICATION_APIS, toNotification } from '../apis';
import type { NotificationApi } from '../generated/models';
import { notificationsApi } from '../generated/registry';
import type { NotificationDispatcher } from './dispatcher';
import type { NotificationLog, StoredNotification } from './log';
import type { StoredNotificationDispatcher } from './stored-dispatcher';
import type { StoredNotificationLog } from './stored-log';

export interface NotificationsBronOptions {
  /** The in-memory log, or one on a NotificationStore (then with the store-backed dispatcher). */
  log: NotificationLog | StoredNotificationLog;
  dispatcher: NotificationDispatcher | StoredNotificationDispatcher;
  /** The callback URL (consumer base URL) registered for a client, learned out of band; undefined when none. */
  callbackUrlOf: (clientId: string) => string | undefined;
  /** The data APIs this producer offers notifications for; default all six. */
  allowedApis?: readonly NotificationApi[];
  /** Consent filter for `GET /notifications`: may this client see this notification? Default: yes. */
  isVisible?: (clientId: string, notification: StoredNotification) => boolean;
  /** Role named in the 405 answer to the consumer endpoints; default `Afnemer`. */
  consumerRole?: string;
}

/** Bron options of the producer side; the Notifications API selects no school and needs no activation. */
export type NotificationsBronHttpOptions = Omit<BronOptions, 'schools' | 'authorize'>;

const DEFAULT_CONSUMER_ROLE = 'Afnemer';

const clientOf = (caller: CallerContext): string => {
  if (!caller.clientId) {
    throw BronError.unauthenticated('the access token names no client; the Notifications API keeps subscriptions per client');
  }
  return caller.clientId;
};

const holds = (caller: CallerContext, api: string): boolean =>
  caller.scopes === 'all' || caller.scopes.has(NOTIFICATION_API_SCOPES[api as NotificationApi] ?? '');

/**
 * The producer side of the Notifications API over a log and a dispatcher: `POST /subscribe/{api}`
 * registers the caller (its registered callback URL) with the dispatcher, `GET /notifications`
 * lists the caller's notifications; the consumer endpoints answer 405. The spec lets any one of
 * the data APIs' scopes through (the bron checks that); subscribe then needs the scope of the API
 * it names, which only the handler can check.
 */
export function createNotificationsBron(options: NotificationsBronOptions, bronOptions: NotificationsBronHttpOptions = {}): Bron {
  const allowedApis = new Set<string>(options.allowedApis ?? NOTIFICATION_APIS);
  const consumerRole = options.consumerRole ?? DEFAULT_CONSUMER_ROLE;
  const refuseConsumerEndpoint = (): never => {
    throw BronError.notProvider(consumerRole);
  };
  const bron = createBron(
    notificationsApi,
    {
      subscribe: async ({ caller, path: { api } }) => {
        const clientId = clientOf(caller);
        if (!holds(caller, api)) throw BronError.scopeRequired([NOTIFICATION_API_SCOPES[api]]);
        if (!allowedApis.has(api)) {
          throw BronError.business(EduvStatus.Other, `this producer sends no notifications for ${api}; it offers ${[...allowedApis].join(', ') || 'none'}`);
        }
        const callbackUrl = options.callbackUrlOf(clientId);
        if (!callbackUrl) {
          throw BronError.schema(`no callback URL is registered for client ${clientId}; register the consumer's notification endpoint with the producer first`);
        }
        try {
          await options.dispatcher.subscribe({ clientId, api, callbackUrl });
        } catch (error) {
          if (error instanceof TypeError) {
            throw BronError.schema(`the callback URL registered for client ${clientId} is not usable (${error.message}); register an absolute http(s) URL`);
          }
          throw error;
        }
        return undefined;
      },
      listNotifications: async ({ caller, query: { since, objectType } }) => {
        const clientId = clientOf(caller);
        const apis = new Set(
          (await options.dispatcher.subscriptions())
            .filter((subscription) => subscription.clientId === clientId && holds(caller, subscription.api))
            .map((subscription) => subscription.api),
        );
        if (!apis.size) return [];
        const listed = await options.log.list({ ...(since !== undefined ? { since } : {}), ...(objectType !== undefined ? { objectType } : {}) });
        return listed.filter((notification) => apis.has(notification.api) && (options.isVisible?.(clientId, notification) ?? true)).map(toNotification);
      },
      receiveNotification: refuseConsumerEndpoint,
      receiveNotifications: refuseConsumerEndpoint,
    },
    bronOptions,
  );
  return refuseOtherRole(bron, ['receiveNotification', 'receiveNotifications'], consumerRole);
}
