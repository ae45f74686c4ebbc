import { EduvConfigError, type ApiClientOptions, type CallOptions, type EduvResponse } from '@eduvkit/core';
import { NOTIFICATION_API_SCOPES, isNotificationApi } from './apis';
import type { Notification, NotificationApi } from './generated/models';
import { createNotificationsMethods } from './generated/client';

export type NotificationsRequestOptions = Pick<CallOptions, 'signal' | 'timeoutMs' | 'headers'>;

/** Filters of `GET /notifications`. `since` as a Date is sent as its UTC ISO string. */
export interface NotificationsListQuery {
  /** Only notifications created after this moment (exclusive). */
  readonly since?: string | Date;
  /** Only notifications about this object type, e.g. `Student`. */
  readonly objectType?: string;
}

export interface NotificationsClientOptions extends ApiClientOptions {
  /**
   * Scopes the token provider is asked for on `GET /notifications`. The operation admits any one
   * of the data APIs' scopes, so by default none are named and the token provider (or the
   * authorization server) decides; `subscribe(api)` always asks for the scope of `api`.
   */
  readonly listScopes?: readonly string[];
}

export interface NotificationsClient {
  /** `POST /subscribe/{api}`: subscribe to the changes in one data API (200, no body). Safe to repeat. */
  subscribe(api: NotificationApi, options?: NotificationsRequestOptions): Promise<EduvResponse<undefined>>;
  /** `GET /notifications`: the notifications for this client, oldest first. */
  list(query?: NotificationsListQuery, options?: NotificationsRequestOptions): Promise<EduvResponse<Notification[]>>;
}

/**
 * Client for the consumer (afnemer) side of the Notifications API: subscribing at a producer and
 * catching up. The token for `subscribe(api)` is requested with the scope of that API only.
 */
export function createNotificationsClient(options: NotificationsClientOptions): NotificationsClient {
  const { listScopes = [], ...clientOptions } = options;
  const methods = createNotificationsMethods(clientOptions);
  return {
    subscribe(api, request = {}) {
      if (!isNotificationApi(api)) {
        return Promise.reject(
          new EduvConfigError(`subscribe needs one of the data APIs ${Object.keys(NOTIFICATION_API_SCOPES).join(', ')}, got ${String(api)}`),
        );
      }
      return methods.subscribe(api, { ...request, scopes: [NOTIFICATION_API_SCOPES[api]] });
    },
    list(query = {}, request = {}) {
      const { since, objectType } = query;
      const params = {
        ...(since === undefined ? {} : { since: since instanceof Date ? since.toISOString() : since }),
        ...(objectType === undefined ? {} : { objectType }),
      };
      return methods.list(params, { ...request, scopes: listScopes });
    },
  };
}
