import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createPostgresExchangeStore, type PostgresExchangeStore } from '../../src';

/** A schema nobody else uses, so that every test starts on empty tables. */
export const freshSchema = (label: string) => `${label}_${randomUUID().replace(/-/g, '').slice(0, 12)}`;

/** A store on its own pool (the store ends it on close), as one instance of a deployment would be. */
export const storeIn = (schema: string, extra: { migrateOnFirstUse?: boolean } = {}): PostgresExchangeStore =>
  createPostgresExchangeStore({ connectionString: inject('postgresUrl'), schema, poolConfig: { max: 4 }, ...extra });

export const newPool = () => new pg.Pool({ connectionString: inject('postgresUrl'), max: 4 });
