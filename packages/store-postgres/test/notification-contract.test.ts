import { EduvConfigError } from '@eduvkit/core';
import { NOTIFICATION_STORE_RULES, verifyNotificationStore } from '@eduvkit/notifications/verify';
import { inject } from 'vitest';
import { afterAll, describe, expect, it } from 'vitest';
import { createPostgresNotificationStore, notificationTables } from '../src';
import { freshSchema, newPool } from './support/stores';

const storeIn = (schema: string) => createPostgresNotificationStore({ connectionString: inject('postgresUrl'), schema, poolConfig: { max: 4 } });

describe('the PostgreSQL notification store keeps the NotificationStore contract', () => {
  it('passes every rule of verifyNotificationStore, each on fresh tables', async () => {
    expect(await verifyNotificationStore(() => storeIn(freshSchema('notif')))).toEqual(NOTIFICATION_STORE_RULES);
  });

  const shared = newPool();
  afterAll(() => shared.end());

  it('migrates idempotently, also from several stores at once, next to the exchange tables', async () => {
    const schema = freshSchema('notif_migrate');
    const stores = Array.from({ length: 3 }, () => createPostgresNotificationStore({ pool: shared, schema }));
    await Promise.all(stores.map((store) => store.migrate()));
    await stores[0]!.migrate();
    const { rows } = await shared.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name`,
      [schema],
    );
    expect(rows.map((row) => row.table_name)).toEqual(['eduvkit_notification_head', 'eduvkit_notification_log', 'eduvkit_notification_subscriptions']);
    expect(notificationTables(schema).log).toBe(`"${schema}"."eduvkit_notification_log"`);
    expect(() => notificationTables('Bad-Name')).toThrow(EduvConfigError);
    expect(() => notificationTables('Bad-Name')).toThrow('schema must match');
  });
});
