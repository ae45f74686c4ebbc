import { AssertionError } from 'node:assert/strict';
import { describe, expect, it } from 'vitest';
import { createInMemoryExchangeStore, type ExchangeStore, type ReceivedRequest } from '../src/exchange';
import { EXCHANGE_STORE_RULES, verifyExchangeStore } from '../src/exchange/verify';

/** The in-memory store with one method replaced: each broken store below breaks exactly one rule. */
const brokenStore = (change: (inner: ExchangeStore) => Partial<ExchangeStore>) => () => {
  const inner = createInMemoryExchangeStore();
  return { ...inner, ...change(inner) };
};

async function failureOf(createStore: () => ExchangeStore): Promise<AssertionError> {
  const error = await verifyExchangeStore(createStore).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AssertionError);
  return error as AssertionError;
}

describe('verifyExchangeStore', () => {
  it('passes the in-memory store on every rule', async () => {
    expect(await verifyExchangeStore(() => createInMemoryExchangeStore())).toEqual(EXCHANGE_STORE_RULES);
    expect(EXCHANGE_STORE_RULES.length).toBeGreaterThanOrEqual(15);
  });

  it('runs only the rules asked for, each on a fresh store that it closes', async () => {
    let created = 0;
    let closed = 0;
    const counted = () => {
      created += 1;
      const store = createInMemoryExchangeStore();
      return { ...store, close: async () => void (closed += 1) };
    };
    const only = [EXCHANGE_STORE_RULES[0]!, EXCHANGE_STORE_RULES[3]!];
    expect(await verifyExchangeStore(counted, { only })).toEqual(only);
    expect([created, closed]).toEqual([2, 2]);
  });

  it('fails a store that leases a request to two workers', async () => {
    const error = await failureOf(
      brokenStore((inner) => {
        const everClaimed: ReceivedRequest[] = [];
        return {
          async claimRequests(claim) {
            everClaimed.push(...(await inner.claimRequests(claim)));
            return [...everClaimed];
          },
        };
      }),
    );
    expect(error.message).toContain('"claimRequests leases a request to one worker at a time"');
  });

  it('fails a store whose receiveRequest is not atomic', async () => {
    const error = await failureOf(
      brokenStore((inner) => ({
        async receiveRequest(key, body, at) {
          const existing = await inner.getRequest(key);
          await new Promise((resolve) => setTimeout(resolve, 1));
          const outcome = await inner.receiveRequest(key, body, at);
          return existing ? outcome : { ...outcome, created: true };
        },
      })),
    );
    expect(error.message).toContain('"receiveRequest records a key once, also under concurrency"');
  });

  it('fails a store that completes a request for a worker without the lease', async () => {
    const error = await failureOf(
      brokenStore((inner) => ({
        async completeRequest(key, _worker, confirmation, processedAt, delivery) {
          const [leased] = await inner.claimRequests({ worker: 'anyone', now: new Date(8.64e15), leaseMs: 1, limit: 1 });
          return leased ? inner.completeRequest(key, 'anyone', confirmation, processedAt, delivery) : false;
        },
      })),
    );
    expect(error.message).toMatch(/rule broken: "(an expired lease|completeRequest needs the lease)/);
  });

  it('fails a store whose enqueue overwrites a known id', async () => {
    const error = await failureOf(
      brokenStore((inner) => {
        const bodies = new Map<string, unknown>();
        return {
          async enqueue(message) {
            bodies.set(message.id, message.body);
            return inner.enqueue(message);
          },
          async getOutbound(id) {
            const message = await inner.getOutbound(id);
            return message && { ...message, body: bodies.get(id) ?? message.body };
          },
        };
      }),
    );
    expect(error.message).toContain('"enqueue is idempotent by id"');
  });

  it('fails a store that hands out the caller’s own body objects', async () => {
    const error = await failureOf(
      brokenStore((inner) => {
        const bodies = new Map<string, unknown>();
        return {
          async receiveRequest(key, body, at) {
            if (!bodies.has(key.referenceId)) bodies.set(key.referenceId, body);
            const outcome = await inner.receiveRequest(key, body, at);
            return { ...outcome, request: { ...outcome.request, body: bodies.get(key.referenceId) } };
          },
          async getRequest(key) {
            const request = await inner.getRequest(key);
            return request && { ...request, body: bodies.get(key.referenceId) };
          },
        };
      }),
    );
    expect(error.message).toContain('"bodies are copied in and out, never shared"');
  });

  it('fails a store that loses the milliseconds of a Date', async () => {
    const secondsOnly = (date: Date) => new Date(Math.floor(date.getTime() / 1000) * 1000);
    const error = await failureOf(
      brokenStore((inner) => ({
        async getRequest(key) {
          const request = await inner.getRequest(key);
          return request && { ...request, availableAt: secondsOnly(request.availableAt) };
        },
      })),
    );
    expect(error.message).toContain('keeps its millisecond');
  });
});
