import type { PoolClient } from 'pg';
import type { ExchangeTables } from './tables';

/** Serialises migrations of every eduvkit exchange store in one database (pg_advisory_xact_lock key). */
const MIGRATION_LOCK = 0x6564_7576;

/** The DDL of the three tables; every statement may run again without effect. */
export function migrationStatements(tables: ExchangeTables): string[] {
  const keyColumns = `api text NOT NULL, operation_id text NOT NULL, peer text NOT NULL, reference_id text NOT NULL`;
  return [
    ...(tables.schema === undefined ? [] : [`CREATE SCHEMA IF NOT EXISTS "${tables.schema}"`]),
    `CREATE TABLE IF NOT EXISTS ${tables.received} (
      ${keyColumns},
      body jsonb,
      received_at timestamptz NOT NULL,
      state text NOT NULL CHECK (state IN ('received', 'processing', 'processed')),
      attempts integer NOT NULL DEFAULT 0,
      available_at timestamptz NOT NULL,
      confirmation jsonb,
      processed_at timestamptz,
      last_error text,
      lease_owner text,
      lease_until timestamptz,
      PRIMARY KEY (api, operation_id, peer, reference_id)
    )`,
    `CREATE INDEX IF NOT EXISTS ${tables.index('received_claimable')} ON ${tables.received} (received_at) WHERE state <> 'processed'`,
    `CREATE TABLE IF NOT EXISTS ${tables.outbox} (
      id text PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('request', 'confirmation')),
      key_api text NOT NULL,
      key_operation_id text NOT NULL,
      key_peer text NOT NULL,
      key_reference_id text NOT NULL,
      operation_id text NOT NULL,
      body jsonb,
      state text NOT NULL CHECK (state IN ('pending', 'delivered', 'failed')),
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL,
      delivered_at timestamptz,
      last_error text,
      lease_owner text,
      lease_until timestamptz
    )`,
    `CREATE INDEX IF NOT EXISTS ${tables.index('outbox_due')} ON ${tables.outbox} (next_attempt_at) WHERE state = 'pending'`,
    `CREATE TABLE IF NOT EXISTS ${tables.sent} (
      ${keyColumns},
      body jsonb,
      sent_at timestamptz NOT NULL,
      confirmation jsonb,
      confirmed_at timestamptz,
      confirmations integer NOT NULL DEFAULT 0,
      PRIMARY KEY (api, operation_id, peer, reference_id)
    )`,
  ];
}

/**
 * Creates what is missing. Two instances starting at once would race on CREATE … IF NOT EXISTS
 * (it is not safe against a concurrent create), so the statements run under an advisory lock.
 */
export async function migrate(client: PoolClient, tables: ExchangeTables): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
  for (const statement of migrationStatements(tables)) await client.query(statement);
}
