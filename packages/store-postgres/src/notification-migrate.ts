import type { PoolClient } from 'pg';
import type { NotificationTables } from './notification-tables';

/** Serialises migrations of eduvkit notification stores in one database (pg_advisory_xact_lock key). */
const MIGRATION_LOCK = 0x6564_7577;

/** The DDL of the notification tables; every statement may run again without effect. */
export function notificationMigrationStatements(tables: NotificationTables): string[] {
  return [
    ...(tables.schema === undefined ? [] : [`CREATE SCHEMA IF NOT EXISTS "${tables.schema}"`]),
    `CREATE TABLE IF NOT EXISTS ${tables.head} (
      singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
      last_sequence bigint NOT NULL,
      last_created text,
      last_created_ms bigint
    )`,
    `INSERT INTO ${tables.head} (singleton, last_sequence) VALUES (true, 0) ON CONFLICT (singleton) DO NOTHING`,
    `CREATE TABLE IF NOT EXISTS ${tables.log} (
      sequence bigint PRIMARY KEY,
      id text NOT NULL UNIQUE,
      api text NOT NULL,
      object_type text,
      org_master_id text,
      created text NOT NULL,
      created_ms bigint NOT NULL,
      notification jsonb NOT NULL
    )`,
    `CREATE INDEX IF NOT EXISTS ${tables.index('log_api_sequence')} ON ${tables.log} (api, sequence)`,
    `CREATE INDEX IF NOT EXISTS ${tables.index('log_created')} ON ${tables.log} (created_ms)`,
    `CREATE TABLE IF NOT EXISTS ${tables.subscriptions} (
      client_id text NOT NULL,
      api text NOT NULL,
      callback_url text NOT NULL,
      delivered_through bigint NOT NULL,
      lease_owner text,
      lease_until timestamptz,
      PRIMARY KEY (client_id, api)
    )`,
  ];
}

/** Creates what is missing, under an advisory lock (concurrent CREATE … IF NOT EXISTS can collide). */
export async function migrateNotificationTables(client: PoolClient, tables: NotificationTables): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
  for (const statement of notificationMigrationStatements(tables)) await client.query(statement);
}
