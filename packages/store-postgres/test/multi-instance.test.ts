import type { ExchangeKey, ExchangeStore } from '@eduvkit/core/exchange';
import { afterEach, describe, expect, it } from 'vitest';
import type { PostgresExchangeStore } from '../src';
import { freshSchema, storeIn } from './support/stores';

const COUNT = 200;
const key = (index: number): ExchangeKey => ({ api: 'order-api', operationId: 'placeOrder', peer: 'bestelomgeving-1', referenceId: `ref-${index}` });
const now = new Date('2026-03-01T09:00:00.000Z');

/** Claims in small batches until nothing is left, completing each claimed request at once. */
async function drainRequests(store: ExchangeStore, worker: string): Promise<string[]> {
  const claimed: string[] = [];
  for (;;) {
    const batch = await store.claimRequests({ worker, now, leaseMs: 60_000, limit: 7 });
    if (batch.length === 0) return claimed;
    for (const request of batch) {
      claimed.push(request.key.referenceId);
      const confirmation = { requestReferenceId: request.key.referenceId, orderStatus: 'approved' };
      const completed = await store.completeRequest(request.key, worker, confirmation, now, {
        id: `confirm-${request.key.referenceId}`,
        kind: 'confirmation',
        key: request.key,
        operationId: 'confirmOrder',
        body: confirmation,
        at: now,
      });
      expect(completed, `${worker} holds the lease it was given`).toBe(true);
    }
  }
}

async function drainOutbox(store: ExchangeStore, worker: string): Promise<string[]> {
  const claimed: string[] = [];
  for (;;) {
    const batch = await store.claimOutbound({ worker, now, leaseMs: 60_000, limit: 7 });
    if (batch.length === 0) return claimed;
    for (const message of batch) {
      claimed.push(message.id);
      await store.markDelivered(message.id, worker, now);
    }
  }
}

const countEach = (values: string[]) => values.reduce((counts, value) => counts.set(value, (counts.get(value) ?? 0) + 1), new Map<string, number>());

describe('two instances on separate pools against one database', () => {
  let stores: PostgresExchangeStore[] = [];
  afterEach(async () => {
    await Promise.all(stores.map((store) => store.close()));
    stores = [];
  });

  it(`claim ${COUNT} requests with 4 workers: each claimed, processed and confirmed exactly once`, async () => {
    const schema = freshSchema('race');
    stores = [storeIn(schema), storeIn(schema)];
    const [a, b] = stores as [PostgresExchangeStore, PostgresExchangeStore];
    await Promise.all([a.migrate(), b.migrate()]);
    await Promise.all(
      Array.from({ length: COUNT }, (_, index) => (index % 2 ? a : b).receiveRequest(key(index), { index }, new Date(now.getTime() - COUNT + index))),
    );

    const perWorker = await Promise.all([drainRequests(a, 'a1'), drainRequests(a, 'a2'), drainRequests(b, 'b1'), drainRequests(b, 'b2')]);
    const counts = countEach(perWorker.flat());
    expect(counts.size).toBe(COUNT);
    expect([...counts.values()].every((count) => count === 1)).toBe(true);
    expect(perWorker.filter((claimed) => claimed.length > 0).length, 'the work was shared, not done by one worker').toBeGreaterThan(1);

    for (const index of [0, 99, COUNT - 1]) {
      const request = await b.getRequest(key(index));
      expect(request?.state).toBe('processed');
      expect(request?.attempts).toBe(1);
    }

    const deliveries = await Promise.all([drainOutbox(a, 'a1'), drainOutbox(b, 'b1'), drainOutbox(a, 'a2'), drainOutbox(b, 'b2')]);
    const deliveryCounts = countEach(deliveries.flat());
    expect(deliveryCounts.size).toBe(COUNT);
    expect([...deliveryCounts.values()].every((count) => count === 1)).toBe(true);
    expect((await a.getOutbound('confirm-ref-7'))?.state).toBe('delivered');
  });

  it('receive one reference id on both instances at once: one of them records it', async () => {
    const schema = freshSchema('dedupe');
    stores = [storeIn(schema), storeIn(schema)];
    const [a, b] = stores as [PostgresExchangeStore, PostgresExchangeStore];
    await a.migrate();
    const outcomes = await Promise.all(Array.from({ length: 40 }, (_, index) => (index % 2 ? a : b).receiveRequest(key(1), { from: index }, now)));
    expect(outcomes.filter((outcome) => outcome.created)).toHaveLength(1);
    expect(new Set(outcomes.map((outcome) => JSON.stringify(outcome.request.body))).size).toBe(1);
  });
});
