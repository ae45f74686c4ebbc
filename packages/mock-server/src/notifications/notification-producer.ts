import type { ConsentStore } from '@eduvkit/consent';
import type { ApiRegistry, Clock, OperationDefinition } from '@eduvkit/core';
import type { Bron } from '@eduvkit/core/server';
import {
  createNotificationDispatcher,
  createNotificationLog,
  createNotificationsBron,
  type NotificationDispatcher,
  type NotificationApi,
  type NotificationLog,
  type NotificationsBronHttpOptions,
  type StoredNotification,
} from '@eduvkit/notifications';
import type { BulkChange, ObjectChange } from '../world-changes/object-changes';
import { NOTIFYING_REGISTRIES } from '../apis';
import { DeliveryLog } from './delivery-log';

/** How many notifications the mock's log keeps unless told otherwise: a long session's worth, ~7 MiB. */
export const DEFAULT_NOTIFICATION_LOG_SIZE = 10_000;

/** The object type a bulk notification names for each API: its main object, the first its spec lists. */
const BULK_OBJECT_TYPE: ReadonlyMap<string, string> = new Map(
  NOTIFYING_REGISTRIES.map((registry) => [registry.api, registry.notifications?.objectTypes[0] ?? '']),
);

/**
 * The by-id operation a consumer can GET a changed object with, per object type (the specs'
 * `x-eduvkit-notifications.fetch`); Students and Employees have none and are fetched with their POST search.
 */
const FETCH_OPERATION: ReadonlyMap<string, OperationDefinition & { registry: ApiRegistry }> = new Map(
  NOTIFYING_REGISTRIES.flatMap((registry) =>
    Object.entries(registry.notifications?.fetch ?? {}).map(
      ([objectType, operationId]) => [objectType, { ...registry.operations[operationId]!, registry }] as const,
    ),
  ),
);

function objectUrl(issuer: string, change: ObjectChange): string | undefined {
  const operation = FETCH_OPERATION.get(change.objectType);
  if (!operation || change.kind === 'deleted') return undefined;
  const path = operation.path.replace('{id}', encodeURIComponent(change.objectId));
  return `${issuer}${operation.registry.basePath}${path}?orgMasterId=${encodeURIComponent(change.orgMasterId)}`;
}

export interface NotificationProducer {
  readonly log: NotificationLog;
  readonly dispatcher: NotificationDispatcher;
  /** Every push to a subscriber with its attempts, for the console. */
  readonly deliveries: DeliveryLog;
  readonly bron: Bron;
  /** Registers (out of band, as Edu-V's registration layer does) where a client receives notifications. */
  setCallbackUrl(clientId: string, url: string): void;
  /** Records the notifications of a world change and wakes delivery. */
  record(change: { objects: readonly ObjectChange[]; bulk: readonly BulkChange[] }): void;
}

export interface NotificationProducerOptions {
  readonly issuer: string;
  readonly consent: ConsentStore;
  /** Whether consent decides what a subscriber gets (false: everything, as with `--consent all`). */
  readonly checkConsent: boolean;
  readonly callbackUrls: ReadonlyMap<string, string>;
  readonly bron: NotificationsBronHttpOptions;
  /** The Authorization header value the mock sends with each push to a client. */
  readonly pushAuthorization: (clientId: string) => Promise<string>;
  /** How many notifications the log keeps; older ones are dropped. */
  readonly logSize: number;
  readonly now?: Clock;
}

/**
 * The mock as a notification producer: every world change becomes notifications in a log, pushed
 * over HTTP to each subscriber (only for schools it has consent for), in created order, at least
 * once, retrying while a receiver is down; `GET /notifications` serves the same log.
 */
export function createNotificationProducer(options: NotificationProducerOptions): NotificationProducer {
  const log = createNotificationLog({ capacity: options.logSize, ...(options.now ? { now: options.now } : {}) });
  const callbackUrls = new Map(options.callbackUrls);
  const allowed = (clientId: string, notification: StoredNotification): boolean =>
    !options.checkConsent ||
    notification.orgMasterId === undefined ||
    options.consent.isActive({ clientId, orgMasterId: notification.orgMasterId, api: notification.api });
  const deliveries = new DeliveryLog(() => dispatcher.subscriptions(), 200, options.now);
  const dispatcher = createNotificationDispatcher({
    log,
    fetch: deliveries.recordingFetch(),
    isAllowed: (subscription, notification) => allowed(subscription.clientId, notification),
    retry: { baseDelayMs: 200, maxDelayMs: 5_000 },
    headers: async (subscription) => ({ authorization: await options.pushAuthorization(subscription.clientId) }),
  });
  const bron = createNotificationsBron(
    {
      log,
      dispatcher,
      callbackUrlOf: (clientId) => callbackUrls.get(clientId),
      isVisible: allowed,
      allowedApis: NOTIFYING_REGISTRIES.map(({ api }) => api as NotificationApi),
    },
    options.bron,
  );
  const school = (orgMasterId: string) => ({ organisationMasterIdentifier: orgMasterId });
  return {
    log,
    dispatcher,
    deliveries,
    bron,
    setCallbackUrl: (clientId, url) => callbackUrls.set(clientId, url.replace(/\/+$/, '')),
    record({ objects, bulk }) {
      for (const change of objects) {
        const url = objectUrl(options.issuer, change);
        log.append({
          api: change.api,
          notificationType: 'object',
          objectType: change.objectType,
          objectId: change.objectId,
          school: school(change.orgMasterId),
          ...(url ? { url } : {}),
          ...(change.kind === 'deleted' ? { isDeleteNotification: true } : {}),
        });
      }
      for (const change of bulk) {
        log.append({ api: change.api, notificationType: 'bulk', objectType: BULK_OBJECT_TYPE.get(change.api) || 'Object', school: school(change.orgMasterId) });
      }
      if (objects.length || bulk.length) dispatcher.notify();
    },
  };
}
