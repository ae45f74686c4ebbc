import type { Pool, PoolClient } from 'pg';
import pg from 'pg';
import { EduvConfigError } from '@eduvkit/core';
import { inTransaction } from './database';
import type { PostgresExchangeStoreOptions } from './postgres-store';

/**
 * The pool a store works on and its schema migration, shared by the exchange and the notification
 * store: the pool given, or one the store creates (and ends on `close()`); the migration runs once,
 * before the first call, unless `migrateOnFirstUse` is false.
 */
export function storeDatabase(options: PostgresExchangeStoreOptions, runMigrations: (client: PoolClient) => Promise<void>) {
  // The types allow one of the two; a caller without them would see its connectionString ignored.
  if (options.pool !== undefined && options.connectionString !== undefined) throw new EduvConfigError('give pool or connectionString, not both');
  const ownsPool = options.pool === undefined;
  // A database that does not answer must fail a call, not hang the machinery's loops: 10 s to connect unless set.
  const pool: Pool = options.pool ?? new pg.Pool({ connectionTimeoutMillis: 10_000, ...options.poolConfig, connectionString: options.connectionString });
  // An idle connection that the server drops emits 'error' on the pool, which would crash the
  // process unheard; the pool discards that connection and the next query opens a new one.
  if (ownsPool) pool.on('error', () => {});

  const migrate = () => inTransaction(pool, runMigrations);
  let migrated: Promise<void> | undefined;
  return {
    pool,
    migrate,
    /** The pool, once the tables exist. A failed migration is tried again on the next call. */
    async ready(): Promise<Pool> {
      if (options.migrateOnFirstUse === false) return pool;
      migrated ??= migrate().catch((error: unknown) => {
        migrated = undefined;
        throw error;
      });
      await migrated;
      return pool;
    },
    async close(): Promise<void> {
      if (ownsPool) await pool.end();
    },
  };
}
