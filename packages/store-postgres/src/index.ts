export { createPostgresExchangeStore, type PostgresExchangeStore, type PostgresExchangeStoreOptions } from './postgres-store';
export { migrationStatements } from './migrate';
export { exchangeTables, type ExchangeTables } from './tables';
