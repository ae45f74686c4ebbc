import { placeNotifications, sinceTime, toNotification, type LogHead, type NotificationStore } from '@eduvkit/notifications';
import { storeDatabase } from './store-database';
import { inTransaction, query } from './database';
import { toJsonb } from './json';
import { migrateNotificationTables } from './notification-migrate';
import { toStoredNotification, toStoredSubscription, type LogRow, type SubscriptionRow } from './notification-rows';
import { notificationTables, type NotificationTables } from './notification-tables';
import type { PostgresExchangeStoreOptions } from './postgres-store';

/** The same pool and schema options as the exchange store; `tablePrefix` defaults to `eduvkit_notification_`. */
export type PostgresNotificationStoreOptions = PostgresExchangeStoreOptions;

export interface PostgresNotificationStore extends NotificationStore {
  /** Creates the schema, tables and indexes that are missing; safe to run again and from several instances at once. */
  migrate(): Promise<void>;
  readonly tables: NotificationTables;
}

interface HeadRow {
  last_sequence: string;
  last_created: string | null;
  last_created_ms: string | null;
}

const UNIQUE_VIOLATION = '23505';
const SUBSCRIPTION_MATCH = 'client_id = $1 AND api = $2';

/**
 * A NotificationStore in PostgreSQL: the log, subscriptions and cursors of a notification producer,
 * shared by every instance on the database. An append locks the one head row, so sequence numbers
 * are given out and committed in one order and a reader never sees n+1 before n; a subscription's
 * lease is a conditional UPDATE, so concurrent claimants get it once.
 */
export function createPostgresNotificationStore(options: PostgresNotificationStoreOptions): PostgresNotificationStore {
  const tables = notificationTables(options.schema, options.tablePrefix);
  const { head, log, subscriptions } = tables;
  const database = storeDatabase(options, (client) => migrateNotificationTables(client, tables));
  const { migrate, ready } = database;

  return {
    tables,
    migrate,

    async append(batch, now) {
      const db = await ready();
      return inTransaction(db, async (client) => {
        const [row] = await query<HeadRow>(client, `SELECT last_sequence, last_created, last_created_ms FROM ${head} WHERE singleton FOR UPDATE`);
        const last: LogHead | undefined =
          row && row.last_created !== null ? { sequence: Number(row.last_sequence), created: row.last_created, time: Number(row.last_created_ms) } : undefined;
        const placement = placeNotifications(last, batch, now);
        try {
          for (const entry of placement.placed) {
            await query(
              client,
              `INSERT INTO ${log} (sequence, id, api, object_type, org_master_id, created, created_ms, notification) VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)`,
              [
                entry.sequence,
                entry.id,
                entry.api,
                entry.objectType ?? null,
                entry.orgMasterId ?? null,
                entry.created,
                Date.parse(entry.created),
                toJsonb(toNotification(entry)),
              ],
            );
          }
        } catch (error) {
          if ((error as { code?: string }).code === UNIQUE_VIOLATION)
            throw new RangeError('the log already holds a notification with an id of this batch (or the batch repeats one)', { cause: error });
          throw error;
        }
        if (placement.head && placement.head !== last) {
          await query(client, `UPDATE ${head} SET last_sequence = $1, last_created = $2, last_created_ms = $3 WHERE singleton`, [
            placement.head.sequence,
            placement.head.created,
            placement.head.time,
          ]);
        }
        return placement.placed;
      });
    },

    async after(sequence, { api, limit }) {
      const rows = await query<LogRow>(
        await ready(),
        `SELECT sequence, api, org_master_id, notification FROM ${log} WHERE sequence > $1 AND ($2::text IS NULL OR api = $2) ORDER BY sequence LIMIT $3`,
        [Math.max(0, Math.floor(sequence)), api ?? null, limit],
      );
      return rows.map(toStoredNotification);
    },

    async lastSequence() {
      const [row] = await query<HeadRow>(await ready(), `SELECT last_sequence FROM ${head} WHERE singleton`);
      return row ? Number(row.last_sequence) : 0;
    },

    async list(filter = {}) {
      const since = filter.since === undefined ? null : sinceTime(filter.since);
      const rows = await query<LogRow>(
        await ready(),
        `SELECT sequence, api, org_master_id, notification FROM ${log}
         WHERE ($1::bigint IS NULL OR created_ms > $1) AND ($2::text IS NULL OR api = $2) AND ($3::text IS NULL OR object_type = $3) AND ($4::text IS NULL OR org_master_id = $4)
         ORDER BY sequence`,
        [since, filter.api ?? null, filter.objectType ?? null, filter.orgMasterId ?? null],
      );
      return rows.map(toStoredNotification);
    },

    async saveSubscription(subscription, cursor) {
      const [row] = await query<SubscriptionRow>(
        await ready(),
        `INSERT INTO ${subscriptions} (client_id, api, callback_url, delivered_through) VALUES ($1, $2, $3, $4)
         ON CONFLICT (client_id, api) DO UPDATE SET callback_url = EXCLUDED.callback_url RETURNING *`,
        [subscription.clientId, subscription.api, subscription.callbackUrl, cursor],
      );
      return toStoredSubscription(row!);
    },

    async subscriptions() {
      return (await query<SubscriptionRow>(await ready(), `SELECT * FROM ${subscriptions} ORDER BY client_id, api`)).map(toStoredSubscription);
    },

    async getSubscription(clientId, api) {
      const [row] = await query<SubscriptionRow>(await ready(), `SELECT * FROM ${subscriptions} WHERE ${SUBSCRIPTION_MATCH}`, [clientId, api]);
      return row && toStoredSubscription(row);
    },

    async removeSubscription(clientId, api) {
      await query(await ready(), `DELETE FROM ${subscriptions} WHERE ${SUBSCRIPTION_MATCH}`, [clientId, api]);
    },

    async advanceCursor(clientId, api, to) {
      const [row] = await query<SubscriptionRow>(
        await ready(),
        `UPDATE ${subscriptions} SET delivered_through = GREATEST(delivered_through, $3) WHERE ${SUBSCRIPTION_MATCH} RETURNING *`,
        [clientId, api, to],
      );
      return row && Number(row.delivered_through);
    },

    async leaseSubscription(clientId, api, { worker, now, leaseMs }) {
      const [row] = await query<SubscriptionRow>(
        await ready(),
        `UPDATE ${subscriptions} SET lease_owner = $3, lease_until = $5
         WHERE ${SUBSCRIPTION_MATCH} AND (lease_owner IS NULL OR lease_owner = $3 OR lease_until <= $4) RETURNING *`,
        [clientId, api, worker, now, new Date(now.getTime() + leaseMs)],
      );
      return row && toStoredSubscription(row);
    },

    async releaseSubscription(clientId, api, worker) {
      await query(await ready(), `UPDATE ${subscriptions} SET lease_owner = NULL, lease_until = NULL WHERE ${SUBSCRIPTION_MATCH} AND lease_owner = $3`, [
        clientId,
        api,
        worker,
      ]);
    },

    async close() {
      await database.close();
    },
  };
}
