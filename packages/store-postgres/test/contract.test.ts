import { EXCHANGE_STORE_RULES, verifyExchangeStore } from '@eduvkit/core/exchange/verify';
import { afterAll, describe, expect, it } from 'vitest';
import { createPostgresExchangeStore } from '../src';
import { freshSchema, newPool, storeIn } from './support/stores';

describe('the PostgreSQL store keeps the ExchangeStore contract', () => {
  it('passes every rule of verifyExchangeStore, each on fresh tables', async () => {
    expect(await verifyExchangeStore(() => storeIn(freshSchema('verify')))).toEqual(EXCHANGE_STORE_RULES);
  });

  const shared = newPool();
  afterAll(() => shared.end());

  it('passes them too on a pool the supplier passes in (and leaves that pool open)', async () => {
    expect(await verifyExchangeStore(() => createPostgresExchangeStore({ pool: shared, schema: freshSchema('verify_pool') }))).toEqual(EXCHANGE_STORE_RULES);
    const { rows } = await shared.query<{ one: number }>('SELECT 1 AS one');
    expect(rows[0]?.one).toBe(1);
  });
});
