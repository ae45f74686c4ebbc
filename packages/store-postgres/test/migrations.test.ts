import { EduvConfigError } from '@eduvkit/core';
import { describe, expect, it } from 'vitest';
import { createPostgresExchangeStore } from '../src';
import { freshSchema, newPool, storeIn } from './support/stores';

const key = { api: 'order-api', operationId: 'placeOrder', peer: 'p', referenceId: 'r' };

describe('migrations', () => {
  it('can run again and from several instances at once', async () => {
    const schema = freshSchema('migrate');
    const stores = [storeIn(schema), storeIn(schema), storeIn(schema), storeIn(schema)];
    try {
      await Promise.all(stores.map((store) => store.migrate()));
      await stores[0]!.receiveRequest(key, { kept: true }, new Date());
      await stores[1]!.migrate();
      await stores[2]!.migrate();
      expect((await stores[3]!.getRequest(key))?.body, 'a second migration leaves the data').toEqual({ kept: true });
    } finally {
      await Promise.all(stores.map((store) => store.close()));
    }
  });

  it('runs on first use unless turned off', async () => {
    const manual = storeIn(freshSchema('manual'), { migrateOnFirstUse: false });
    const automatic = storeIn(freshSchema('automatic'));
    try {
      await expect(manual.getRequest(key)).rejects.toThrow(/does not exist/);
      await manual.migrate();
      expect(await manual.getRequest(key)).toBeUndefined();
      expect((await automatic.receiveRequest(key, {}, new Date())).created).toBe(true);
    } finally {
      await Promise.all([manual.close(), automatic.close()]);
    }
  });

  it('creates the three tables under the prefix in the schema', async () => {
    const schema = freshSchema('names');
    const pool = newPool();
    try {
      const store = createPostgresExchangeStore({ pool, schema, tablePrefix: 'acme_' });
      await store.migrate();
      const { rows } = await pool.query<{ table_name: string }>(
        'SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name',
        [schema],
      );
      expect(rows.map((row) => row.table_name)).toEqual(['acme_outbox', 'acme_received', 'acme_sent']);
    } finally {
      await pool.end();
    }
  });

  it('refuses a schema or prefix that is not a plain identifier (they are part of the SQL text)', () => {
    const injected = () => createPostgresExchangeStore({ connectionString: 'postgres://127.0.0.1:9/x', schema: 'x"; DROP TABLE y; --' });
    expect(injected).toThrow(EduvConfigError);
    expect(injected).toThrow('schema must match /^[a-z_][a-z0-9_]{0,29}$/ (got "x\\"; DROP TABLE y; --")');
    const upper = () => createPostgresExchangeStore({ connectionString: 'postgres://127.0.0.1:9/x', tablePrefix: 'Upper' });
    expect(upper).toThrow(EduvConfigError);
    expect(upper).toThrow('tablePrefix must match /^[a-z_][a-z0-9_]{0,29}$/ (got "Upper")');
  });

  it('refuses a pool and a connectionString together (the connectionString would be ignored)', async () => {
    const pool = newPool();
    const both = () => createPostgresExchangeStore({ pool, connectionString: 'postgres://127.0.0.1:9/x' } as never);
    try {
      expect(both).toThrow(EduvConfigError);
      expect(both).toThrow('give pool or connectionString, not both');
    } finally {
      await pool.end();
    }
  });
});
