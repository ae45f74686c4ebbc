import { BronError, type BronRequest, type CallerContext } from '@eduvkit/core/server';
import { bronHandlers, overrideHandler, type OverrideReply } from '@eduvkit/core/msw';
import type { HttpHandler } from 'msw';
import { notificationsApi } from '../generated/registry';
import { createNotificationsBron, type NotificationsBronHttpOptions, type NotificationsBronOptions } from '../producer/create-notifications-bron';
import { createNotificationDispatcher, type NotificationDispatcher } from '../producer/dispatcher';
import { createNotificationLog, type NotificationLog } from '../producer/log';
import { DEFAULT_NOTIFICATIONS_BASE_URL } from '../generated/base-url';

export type { OverrideReply } from '@eduvkit/core/msw';

export { DEFAULT_NOTIFICATIONS_BASE_URL };

export interface NotificationsHandlersOptions {
  /** Base URL including the major version; default DEFAULT_NOTIFICATIONS_BASE_URL. */
  baseUrl?: string;
  /** The producer's log; append to it in your test. Default a new, empty log. */
  log?: NotificationLog;
  /** Default: a dispatcher over `log` that delivers everything (no consent filter). */
  dispatcher?: NotificationDispatcher;
  /** Callback URLs by client id; used when `callbackUrlOf` is not given. */
  callbackUrls?: Readonly<Record<string, string>>;
  callbackUrlOf?: NotificationsBronOptions['callbackUrlOf'];
  allowedApis?: NotificationsBronOptions['allowedApis'];
  isVisible?: NotificationsBronOptions['isVisible'];
  /**
   * Bron options. Default authentication: a bearer token must be present and the token itself is
   * the client id, with every scope (`Authorization: Bearer client-a` is client `client-a`).
   */
  bron?: NotificationsBronHttpOptions;
}

const TOKEN = /^Bearer\s+(\S+)$/i;

/** The MSW default: the bearer token is the client id. */
export const tokenIsClientId = (request: BronRequest): CallerContext => {
  const token = TOKEN.exec(request.headers.get('authorization') ?? '')?.[1];
  if (!token) throw BronError.unauthenticated('the request carries no bearer access token (Authorization: Bearer <token>)');
  return { clientId: token, scopes: 'all' };
};

/** MSW handlers for the producer side of the Notifications API (subscribe, list). */
export function notificationsHandlers(options: NotificationsHandlersOptions = {}): HttpHandler[] {
  const baseUrl = options.baseUrl ?? DEFAULT_NOTIFICATIONS_BASE_URL;
  const log = options.log ?? createNotificationLog();
  const dispatcher = options.dispatcher ?? createNotificationDispatcher({ log, isAllowed: () => true });
  const callbackUrls = options.callbackUrls ?? {};
  const callbackUrlOf = options.callbackUrlOf ?? ((clientId: string) => (Object.hasOwn(callbackUrls, clientId) ? callbackUrls[clientId] : undefined));
  const bron = createNotificationsBron(
    {
      log,
      dispatcher,
      callbackUrlOf,
      ...(options.allowedApis ? { allowedApis: options.allowedApis } : {}),
      ...(options.isVisible ? { isVisible: options.isVisible } : {}),
    },
    { authenticate: tokenIsClientId, ...options.bron, basePath: new URL(baseUrl).pathname.replace(/\/+$/, '') },
  );
  return bronHandlers(notificationsApi, bron, baseUrl);
}

/** A one-operation override for `server.use(...)`: answer with this status, body and headers. */
export function notificationsOverride(
  operationId: keyof typeof notificationsApi.operations,
  reply: OverrideReply,
  options: { baseUrl?: string } = {},
): HttpHandler {
  return overrideHandler(notificationsApi, operationId, reply, options.baseUrl ?? DEFAULT_NOTIFICATIONS_BASE_URL);
}
