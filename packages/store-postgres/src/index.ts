export { createPostgresExchangeStore, type PostgresExchangeStore, type PostgresExchangeStoreOptions } from './postgres-store';
export { migrationStatements } from './migrate';
export { exchangeTables, type ExchangeTables } from './tables';
export { createPostgresNotificationStore, type PostgresNotificationStore, type PostgresNotificationStoreOptions } from './notification-store';
export { notificationMigrationStatements } from './notification-migrate';
export { notificationTables, type NotificationTables } from './notification-tables';
