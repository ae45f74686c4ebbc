import type { Pool, PoolClient, QueryResultRow } from 'pg';
import { jsonbAsText } from './json';

export type Queryable = Pool | PoolClient;

/** A query whose jsonb columns come back as text (see json.ts). */
export async function query<Row extends QueryResultRow>(db: Queryable, text: string, values: unknown[] = []): Promise<Row[]> {
  const result = await db.query<Row>({ text, values, types: jsonbAsText });
  return result.rows;
}

/** Runs `work` in one transaction on one connection: committed when it resolves, rolled back when it throws. */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => {
      // A connection that cannot roll back is not given back to the pool.
      broken = rollbackError;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}
