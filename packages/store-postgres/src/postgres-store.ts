import type { Claim, ConfirmationOutcome, ExchangeKey, ExchangeStore, NewOutboundMessage, OutboundMessage, ReceivedRequest } from '@eduvkit/core/exchange';
import type { Pool, PoolConfig } from 'pg';
import { storeDatabase } from './store-database';
import { inTransaction, query, type Queryable } from './database';
import { toJsonb } from './json';
import { migrate as runMigrations } from './migrate';
import { keyParams, toOutboundMessage, toReceivedRequest, toSentRequest, type OutboundRow, type ReceivedRow, type SentRow } from './rows';
import { exchangeTables, type ExchangeTables } from './tables';

interface CommonOptions {
  /** Schema of the tables (created by `migrate()` when missing); the connection's search_path by default. */
  readonly schema?: string;
  /** Prefix of the table names; `eduvkit_exchange_` by default. */
  readonly tablePrefix?: string;
  /**
   * Create the tables before the first call (default true). Turn it off when the database user may
   * not run DDL, and run `migrate()` from a deploy step instead.
   */
  readonly migrateOnFirstUse?: boolean;
}

interface OnYourPool extends CommonOptions {
  /** A pool you own: `close()` leaves it open. */
  readonly pool: Pool;
  readonly connectionString?: never;
}

interface OnItsOwnPool extends CommonOptions {
  /** The store creates a pool on this database and `close()` ends it. */
  readonly connectionString: string;
  /** More settings for that pool (size, timeouts, ssl). */
  readonly poolConfig?: Omit<PoolConfig, 'connectionString'>;
  readonly pool?: never;
}

export type PostgresExchangeStoreOptions = OnYourPool | OnItsOwnPool;

export interface PostgresExchangeStore extends ExchangeStore {
  /** Creates the schema, tables and indexes that are missing; safe to run again and from several instances at once. */
  migrate(): Promise<void>;
  readonly tables: ExchangeTables;
}

const KEY_MATCH = 'api = $1 AND operation_id = $2 AND peer = $3 AND reference_id = $4';
const leaseUntil = ({ now, leaseMs }: Claim) => new Date(now.getTime() + leaseMs);

/**
 * An ExchangeStore in PostgreSQL: every received request, confirmation and outgoing message is
 * durable, and any number of instances may share one database. Claims use
 * `SELECT … FOR UPDATE SKIP LOCKED` plus a lease (owner and expiry), so two workers never hold one
 * record and a crashed worker's records are claimed again once its lease has ended.
 */
export function createPostgresExchangeStore(options: PostgresExchangeStoreOptions): PostgresExchangeStore {
  const tables = exchangeTables(options.schema, options.tablePrefix);
  const { received, outbox, sent } = tables;
  const database = storeDatabase(options, (client) => runMigrations(client, tables));
  const { migrate, ready } = database;

  const enqueueOn = async (db: Queryable, message: NewOutboundMessage): Promise<boolean> => {
    const rows = await query(
      db,
      `INSERT INTO ${outbox} (id, kind, key_api, key_operation_id, key_peer, key_reference_id, operation_id, body, state, attempts, next_attempt_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, 'pending', 0, $9, $9)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [message.id, message.kind, ...keyParams(message.key), message.operationId, toJsonb(message.body), message.at],
    );
    return rows.length === 1;
  };

  const getRequestOn = async (db: Queryable, key: ExchangeKey): Promise<ReceivedRequest | undefined> => {
    const [row] = await query<ReceivedRow>(db, `SELECT * FROM ${received} WHERE ${KEY_MATCH}`, keyParams(key));
    return row && toReceivedRequest(row);
  };

  return {
    tables,
    migrate,

    async receiveRequest(key, body, at) {
      const db = await ready();
      const [row] = await query<ReceivedRow>(
        db,
        `INSERT INTO ${received} (api, operation_id, peer, reference_id, body, received_at, state, attempts, available_at)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6, 'received', 0, $6)
         ON CONFLICT (api, operation_id, peer, reference_id) DO NOTHING RETURNING *`,
        [...keyParams(key), toJsonb(body), at],
      );
      if (row) return { created: true, request: toReceivedRequest(row) };
      // The conflicting insert has committed (ON CONFLICT waits for it), so this read sees it.
      const existing = await getRequestOn(db, key);
      if (!existing) throw new Error('receiveRequest: the conflicting request was not found');
      return { created: false, request: existing };
    },

    async claimRequests(claim) {
      const rows = await query<ReceivedRow>(
        await ready(),
        `WITH due AS (
           SELECT api, operation_id, peer, reference_id FROM ${received}
           WHERE (state = 'received' AND available_at <= $1) OR (state = 'processing' AND lease_until <= $1)
           ORDER BY received_at, reference_id LIMIT $2
           FOR UPDATE SKIP LOCKED
         )
         UPDATE ${received} AS r SET state = 'processing', attempts = r.attempts + 1, lease_owner = $3, lease_until = $4
         FROM due
         WHERE r.api = due.api AND r.operation_id = due.operation_id AND r.peer = due.peer AND r.reference_id = due.reference_id
         RETURNING r.*`,
        [claim.now, claim.limit, claim.worker, leaseUntil(claim)],
      );
      return rows.sort((a, b) => a.received_at.getTime() - b.received_at.getTime()).map(toReceivedRequest);
    },

    async completeRequest(key, worker, confirmation, processedAt, delivery) {
      return inTransaction(await ready(), async (client) => {
        const done = await query(
          client,
          `UPDATE ${received} SET state = 'processed', confirmation = $6::jsonb, processed_at = $7, lease_owner = NULL, lease_until = NULL
           WHERE ${KEY_MATCH} AND state = 'processing' AND lease_owner = $5 RETURNING 1`,
          [...keyParams(key), worker, toJsonb(confirmation), processedAt],
        );
        if (done.length === 0) return false;
        await enqueueOn(client, delivery);
        return true;
      });
    },

    async releaseRequest(key, worker, retryAt, error) {
      await query(
        await ready(),
        `UPDATE ${received} SET state = 'received', available_at = $6, last_error = $7, lease_owner = NULL, lease_until = NULL
         WHERE ${KEY_MATCH} AND state = 'processing' AND lease_owner = $5`,
        [...keyParams(key), worker, retryAt, error],
      );
    },

    async getRequest(key) {
      return getRequestOn(await ready(), key);
    },

    async enqueue(message) {
      return enqueueOn(await ready(), message);
    },

    async claimOutbound(claim) {
      const rows = await query<OutboundRow>(
        await ready(),
        `WITH due AS (
           SELECT id FROM ${outbox}
           WHERE state = 'pending' AND next_attempt_at <= $1 AND (lease_until IS NULL OR lease_until <= $1)
           ORDER BY next_attempt_at, id LIMIT $2
           FOR UPDATE SKIP LOCKED
         )
         UPDATE ${outbox} AS o SET lease_owner = $3, lease_until = $4 FROM due WHERE o.id = due.id
         RETURNING o.*`,
        [claim.now, claim.limit, claim.worker, leaseUntil(claim)],
      );
      return rows.sort((a, b) => a.next_attempt_at.getTime() - b.next_attempt_at.getTime()).map(toOutboundMessage);
    },

    async markDelivered(id, worker, at) {
      await query(
        await ready(),
        `UPDATE ${outbox} SET state = 'delivered', attempts = attempts + 1, delivered_at = $3, last_error = NULL, lease_owner = NULL, lease_until = NULL
         WHERE id = $1 AND lease_owner = $2`,
        [id, worker, at],
      );
    },

    async markAttemptFailed(id, worker, nextAttemptAt, error, giveUp = false) {
      await query(
        await ready(),
        `UPDATE ${outbox} SET state = $5, attempts = attempts + 1, next_attempt_at = $3, last_error = $4, lease_owner = NULL, lease_until = NULL
         WHERE id = $1 AND lease_owner = $2`,
        [id, worker, nextAttemptAt, error, giveUp ? 'failed' : 'pending'],
      );
    },

    async redeliver(id, at) {
      await query(await ready(), `UPDATE ${outbox} SET state = 'pending', next_attempt_at = $2, lease_owner = NULL, lease_until = NULL WHERE id = $1`, [
        id,
        at,
      ]);
    },

    async getOutbound(id): Promise<OutboundMessage | undefined> {
      const [row] = await query<OutboundRow>(await ready(), `SELECT * FROM ${outbox} WHERE id = $1`, [id]);
      return row && toOutboundMessage(row);
    },

    async recordSent(key, body, at, delivery) {
      return inTransaction(await ready(), async (client) => {
        const recorded = await query(
          client,
          `INSERT INTO ${sent} (api, operation_id, peer, reference_id, body, sent_at, confirmations)
           VALUES ($1, $2, $3, $4, $5::jsonb, $6, 0)
           ON CONFLICT (api, operation_id, peer, reference_id) DO NOTHING RETURNING 1`,
          [...keyParams(key), toJsonb(body), at],
        );
        if (recorded.length === 0) return false;
        await enqueueOn(client, delivery);
        return true;
      });
    },

    async receiveConfirmation(key, confirmation, at): Promise<ConfirmationOutcome> {
      return inTransaction(await ready(), async (client) => {
        // The row lock makes concurrent confirmations of one request take turns, so exactly one is first.
        const [current] = await query<{ first: boolean }>(
          client,
          `SELECT confirmed_at IS NULL AS first FROM ${sent} WHERE ${KEY_MATCH} FOR UPDATE`,
          keyParams(key),
        );
        if (!current) return { outcome: 'unknown' };
        const [row] = await query<SentRow>(
          client,
          `UPDATE ${sent} SET confirmations = confirmations + 1,
             confirmation = CASE WHEN confirmed_at IS NULL THEN $5::jsonb ELSE confirmation END,
             confirmed_at = COALESCE(confirmed_at, $6)
           WHERE ${KEY_MATCH} RETURNING *`,
          [...keyParams(key), toJsonb(confirmation), at],
        );
        return { outcome: current.first ? 'first' : 'repeat', sent: toSentRequest(row!) };
      });
    },

    async getSent(key) {
      const [row] = await query<SentRow>(await ready(), `SELECT * FROM ${sent} WHERE ${KEY_MATCH}`, keyParams(key));
      return row && toSentRequest(row);
    },

    async close() {
      await database.close();
    },
  };
}
