export * from './generated/models';
export * from './generated/schemas';
export { notificationsApi } from './generated/registry';
export type { components, operations, paths } from './generated/openapi-types';
export { SUBSCRIBABLE_APIS, type NotificationObjectType } from './generated/subscribable-apis';
export {
  NOTIFICATION_APIS,
  NOTIFICATION_API_SCOPES,
  NOTIFICATION_OBJECT_TYPES,
  apiForObjectType,
  isNotificationApi,
  sortByCreated,
  toNotification,
} from './apis';
export * from './client';
export * from './consumer/receiver';
export * from './consumer/sync';
export * from './producer/log';
export * from './producer/dispatcher';
export * from './producer/create-notifications-bron';
export * from './producer/notification-store';
export * from './producer/in-memory-notification-store';
export * from './producer/stored-log';
export * from './producer/stored-dispatcher';
