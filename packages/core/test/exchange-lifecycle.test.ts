import { afterEach, describe, expect, it } from 'vitest';
import { EduvConfigError } from '../src/errors';
import { ConfirmationNotReceivedError, createInMemoryExchangeStore, createOntvanger, type ExchangeEvent } from '../src/exchange';
import { anOrder, orderApi } from './support/exchange-api';
import { BESTELOMGEVING, FAST, put, startCycle, waitFor, type Cycle } from './support/exchange-harness';

let cycle: Cycle | undefined;
afterEach(async () => {
  await cycle?.close();
  cycle = undefined;
});

const timers = () => process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length;

describe('exchange: processing that fails', () => {
  it('tries a request whose process() threw again later, and confirms it once it succeeds', async () => {
    let calls = 0;
    cycle = await startCycle({
      process: () => {
        calls += 1;
        if (calls < 3) throw new Error(`order system busy (${calls})`);
        return { orderStatus: 'approved' };
      },
    });
    const confirmation = await (await cycle.verzender.send('placeOrder', anOrder())).confirmation;
    expect((confirmation.body as Record<string, string>).orderStatus).toBe('approved');
    expect(cycle.processed.map((request) => request.attempt)).toEqual([1, 2, 3]);
    const failed = cycle.ontvangerEvents.filter((event) => event.type === 'process-failed');
    expect(failed.map((event) => event.type === 'process-failed' && event.error)).toEqual(['order system busy (1)', 'order system busy (2)']);
  });

  it('treats a confirmation that does not match the spec as a failed attempt, naming the field', async () => {
    let calls = 0;
    cycle = await startCycle({ process: () => ((calls += 1) === 1 ? { orderStatus: 'maybe' } : { orderStatus: 'declined' }) });
    const confirmation = await (await cycle.verzender.send('placeOrder', anOrder())).confirmation;
    expect((confirmation.body as Record<string, string>).orderStatus).toBe('declined');
    expect(cycle.ontvangerEvents.find((event) => event.type === 'process-failed')).toMatchObject({
      error: expect.stringContaining('body field "orderStatus"'),
    });
  });

  it('lets another instance take over a request whose worker died (its lease expired)', async () => {
    const store = createInMemoryExchangeStore();
    const key = { api: 'order-api', operationId: 'placeOrder', peer: BESTELOMGEVING, referenceId: 'orphan' };
    await store.receiveRequest(key, anOrder({ requestReferenceId: 'orphan' }), new Date());
    expect(await store.claimRequests({ worker: 'dead-instance', now: new Date(), leaseMs: 50, limit: 1 })).toHaveLength(1);
    cycle = await startCycle({ ontvangerStore: store, ontvanger: { leaseMs: 50 } });
    const known = cycle;
    await waitFor('the orphan to be processed', async () => (await store.getRequest(key))?.state === 'processed');
    expect(cycle.processed.map((request) => [request.referenceId, request.attempt])).toEqual([['orphan', 2]]);
    await waitFor('its confirmation', () => known.confirmationsAtEndpoint.length >= 1);
  });
});

describe('exchange: awaiting a confirmation', () => {
  it('rejects after the timeout with ConfirmationNotReceivedError', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    cycle = await startCycle({ process: async () => (await held, { orderStatus: 'pending' }) });
    const handle = await cycle.verzender.send('placeOrder', anOrder());
    const error = await cycle.verzender.awaitConfirmation(handle.referenceId, { timeoutMs: 50 }).catch((caught: unknown) => caught);
    release();
    expect(error).toBeInstanceOf(ConfirmationNotReceivedError);
    expect(error).toMatchObject({ reason: 'timeout', referenceId: handle.referenceId });
  });

  it("rejects with the signal's reason when aborted, and at once for a reference id never sent", async () => {
    cycle = await startCycle({ process: () => ({ orderStatus: 'pending' }), verzender: { autoStart: false } });
    const handle = await cycle.verzender.send('placeOrder', anOrder());
    const controller = new AbortController();
    const waiting = cycle.verzender.awaitConfirmation(handle.referenceId, { signal: controller.signal });
    controller.abort(new Error('the user went away'));
    await expect(waiting).rejects.toThrow('the user went away');
    await expect(cycle.verzender.awaitConfirmation('nobody-sent-this')).rejects.toBeInstanceOf(EduvConfigError);
  });
});

describe('exchange: close()', () => {
  it('waits for the request in hand, then leaves no timer behind and rejects open waits', async () => {
    const before = timers();
    let finish!: () => void;
    const processing = new Promise<void>((resolve) => (finish = resolve));
    let started = false;
    // Minute-long polls: a poll timer close() failed to clear would still be there at the end.
    cycle = await startCycle({
      process: async () => ((started = true), await processing, { orderStatus: 'approved' }),
      ontvanger: { pollIntervalMs: 60_000 },
      verzender: { autoStart: false, pollIntervalMs: 60_000 },
    });
    const handle = await cycle.verzender.send('placeOrder', anOrder());
    const waiting = handle.confirmation.catch((error: unknown) => error);
    expect((await put(`${cycle.ontvangerUrl}/orders`, anOrder({ requestReferenceId: 'in-hand' }))).status).toBe(202);
    await waitFor('processing to start', () => started);

    const store = cycle.ontvangerStore;
    const closing = cycle.close();
    cycle = undefined;
    setTimeout(finish, 30);
    await closing;

    expect(await waiting).toMatchObject({ reason: 'closed' });
    expect((await store.getRequest({ api: 'order-api', operationId: 'placeOrder', peer: BESTELOMGEVING, referenceId: 'in-hand' }))?.state).toBe('processed');
    // Fewer is fine: fetch's idle keep-alive sockets counted in `before` may have gone meanwhile.
    expect(timers()).toBeLessThanOrEqual(before);
  });

  it('an idle ontvanger stops its polls on close() and claims nothing more', async () => {
    const store = createInMemoryExchangeStore();
    const before = timers();
    const ontvanger = createOntvanger({
      registry: orderApi,
      store,
      process: () => ({ orderStatus: 'approved' }),
      confirmationUrl: () => undefined,
      dangerouslyAcceptAnyToken: true,
      ...FAST,
      pollIntervalMs: 60_000,
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(timers()).toBeGreaterThan(before);
    await ontvanger.close();
    expect(timers()).toBeLessThanOrEqual(before);
    await store.receiveRequest({ api: 'order-api', operationId: 'placeOrder', peer: '', referenceId: 'late' }, anOrder(), new Date());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await store.getRequest({ api: 'order-api', operationId: 'placeOrder', peer: '', referenceId: 'late' }))?.state).toBe('received');
  });
});

describe('exchange: a store shared by mistake', () => {
  it("never delivers or processes another party's work, and says so", async () => {
    const store = createInMemoryExchangeStore();
    const now = new Date();
    const foreignKey = { api: 'delivery-api', operationId: 'sendDeliveryOrder', peer: '', referenceId: 'theirs' };
    await store.enqueue({ id: 'request/theirs', kind: 'request', key: foreignKey, operationId: 'sendDeliveryOrder', body: {}, at: now });
    await store.receiveRequest({ ...foreignKey, peer: 'someone' }, {}, now);
    const events: ExchangeEvent[] = [];
    const fetched: string[] = [];
    const ontvanger = createOntvanger({
      registry: orderApi,
      store,
      process: () => ({ orderStatus: 'approved' }),
      confirmationUrl: () => 'http://127.0.0.1:9/order-api/v0/orders/confirmations',
      fetch: async (url) => (fetched.push(String(url)), new Response(null, { status: 202 })),
      onEvent: (event) => events.push(event),
      dangerouslyAcceptAnyToken: true,
      ...FAST,
    });
    await waitFor('both refusals', () => events.filter((event) => event.type === 'loop-error').length >= 2);
    await ontvanger.close();
    expect(fetched).toEqual([]);
    expect(await store.getOutbound('request/theirs')).toMatchObject({ state: 'pending', attempts: 0 });
    expect(events.map((event) => event.type === 'loop-error' && event.error)).toEqual(
      expect.arrayContaining([expect.stringContaining('give each ontvanger a store of its own'), expect.stringContaining('which this party does not send')]),
    );
  });
});
