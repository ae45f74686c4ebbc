export {
  NOTIFICATION_STORE_RULES,
  verifyNotificationStore,
  type NotificationStoreFactory,
  type VerifyNotificationStoreOptions,
} from './verify-notification-store';
