import { afterEach, describe, expect, it } from 'vitest';
import { createVerzender, type ReceivedConfirmation } from '../src/exchange';
import { anOrder, orderApi } from './support/exchange-api';
import { BESTELOMGEVING, ORDERSYSTEEM, put, startCycle, waitFor, type Cycle } from './support/exchange-harness';

let cycle: Cycle | undefined;
afterEach(async () => {
  await cycle?.close();
  cycle = undefined;
});

const KEY = { api: 'order-api', operationId: 'placeOrder', peer: BESTELOMGEVING };

describe('exchange: verzender ↔ ontvanger over HTTP', () => {
  it('sends a request, processes it once and delivers the confirmation the mediator matches to it', async () => {
    cycle = await startCycle({
      process: (request) => ({ orderStatus: (request.body as { orderLines: unknown[] }).orderLines.length > 0 ? 'approved' : 'declined' }),
    });
    const handle = await cycle.verzender.send('placeOrder', anOrder());

    const confirmation = await handle.confirmation;

    expect(handle.first).toBe(true);
    expect(handle.referenceId).toMatch(/^[0-9a-f-]{36}$/);
    const body = confirmation.body as Record<string, string>;
    expect(body.requestReferenceId).toBe(handle.referenceId);
    expect(body.responseReferenceId).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.orderStatus).toBe('approved');
    expect(Date.parse(body.processedTimestamp!)).not.toBeNaN();
    expect(cycle.processed.map((request) => [request.peer, request.referenceId, request.attempt])).toEqual([[BESTELOMGEVING, handle.referenceId, 1]]);
    expect(confirmation.request).toEqual(anOrder({ requestReferenceId: handle.referenceId }));
  });

  it('refuses to send a body that does not match the request schema, or a reference id that is not a string', async () => {
    cycle = await startCycle();
    await expect(cycle.verzender.send('placeOrder', anOrder({ orderLines: [] }))).rejects.toThrow('$.orderLines');
    await expect(cycle.verzender.send('placeOrder', anOrder({ requestReferenceId: 42 }))).rejects.toThrow('$.requestReferenceId');
    await expect(cycle.verzender.send('confirmOrder', {})).rejects.toThrow('sends no confirmOrder');
    expect(cycle.verzenderEvents).toEqual([]);
  });

  it('keeps a reference id the body already carries', async () => {
    cycle = await startCycle();
    const handle = await cycle.verzender.send('placeOrder', anOrder({ requestReferenceId: 'order-0001' }));
    const confirmation = await handle.confirmation;
    expect(confirmation.referenceId).toBe('order-0001');
    expect((confirmation.body as Record<string, string>).requestReferenceId).toBe('order-0001');
  });

  it('does not process a repeated reference id again, and sends the same confirmation (same receipt id) again', async () => {
    cycle = await startCycle();
    // Sent by the verzender, so it accepts both confirmations: a refused one would be retried and blur the count.
    await (
      await cycle.verzender.send('placeOrder', anOrder({ requestReferenceId: 'repeat-1' }))
    ).confirmation;
    const known = cycle;
    expect(known.confirmationsAtEndpoint).toHaveLength(1);

    const again = await put(`${cycle.ontvangerUrl}/orders`, anOrder({ requestReferenceId: 'repeat-1' }));

    expect(again.status).toBe(202);
    await waitFor('the confirmation sent again', () => known.confirmationsAtEndpoint.length >= 2);
    expect(cycle.confirmationsAtEndpoint).toHaveLength(2);
    expect(cycle.ontvangerEvents.filter((event) => event.type === 'attempt-failed')).toEqual([]);
    expect(cycle.processed).toHaveLength(1);
    const [one, two] = cycle.confirmationsAtEndpoint as Record<string, string>[];
    expect(two).toEqual(one);
    expect(cycle.ontvangerEvents.filter((event) => event.type === 'repeated')).toEqual([
      { type: 'repeated', key: { ...KEY, referenceId: 'repeat-1' }, redelivered: true },
    ]);
  });

  it('answers 202 to a repeat that arrives before processing, and processes it once', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    cycle = await startCycle({ process: async () => (await gate, { orderStatus: 'pending' }) });
    const statuses = await Promise.all(
      [1, 2, 3].map(() => put(`${cycle!.ontvangerUrl}/orders`, anOrder({ requestReferenceId: 'early-repeat' })).then((response) => response.status)),
    );
    release();
    const known = cycle;
    await waitFor('the confirmation', () => known.confirmationsAtEndpoint.length >= 1);
    expect(statuses).toEqual([202, 202, 202]);
    expect(cycle.processed).toHaveLength(1);
  });

  it('lets the verzender send a reference id again: the ontvanger confirms it again, the mediator keeps the first', async () => {
    cycle = await startCycle();
    const handle = await cycle.verzender.send('placeOrder', anOrder());
    const first = await handle.confirmation;
    const again = await cycle.verzender.send('placeOrder', anOrder({ requestReferenceId: handle.referenceId }));
    expect(again.first).toBe(false);
    const known = cycle;
    await waitFor(
      'the second confirmation',
      async () => (await known.verzenderStore.getSent({ ...KEY, peer: '', referenceId: handle.referenceId }))?.confirmations === 2,
    );
    expect(cycle.processed).toHaveLength(1);
    expect((await again.confirmation).body).toEqual(first.body);
  });

  it('passes every confirmation to onConfirmation: a pending one, then a later approved one', async () => {
    const seen: ReceivedConfirmation[] = [];
    cycle = await startCycle({ process: () => ({ orderStatus: 'pending' }), verzender: { onConfirmation: (confirmation) => void seen.push(confirmation) } });
    const handle = await cycle.verzender.send('placeOrder', anOrder());
    const pending = await handle.confirmation;
    // The Ordersysteem confirms the same order again once it approved it (a confirmation of its own).
    const approved = { ...(pending.body as Record<string, unknown>), orderStatus: 'approved', processedTimestamp: new Date().toISOString() };
    const answer = await put(`${cycle.verzenderUrl}/orders/confirmations`, approved, 'token-of-ordersysteem');
    expect(answer.status).toBe(202);
    expect(seen.map(({ first, body }) => [first, (body as { orderStatus: string }).orderStatus])).toEqual([
      [true, 'pending'],
      [false, 'approved'],
    ]);
    expect(seen[1]).toMatchObject({ referenceId: handle.referenceId, operationId: 'placeOrder', from: ORDERSYSTEEM });
    expect((await cycle.verzender.awaitConfirmation(handle.referenceId)).body).toMatchObject({ orderStatus: 'pending' });
  });

  it('finds a confirmation another verzender instance received, through the shared store', async () => {
    cycle = await startCycle();
    const handle = await cycle.verzender.send('placeOrder', anOrder());
    const other = createVerzender({
      registry: orderApi,
      store: cycle.verzenderStore,
      baseUrl: 'http://127.0.0.1:9',
      confirmationPollMs: 10,
      autoStart: false,
      dangerouslyAcceptAnyToken: true,
    });
    try {
      const confirmation = await other.awaitConfirmation(handle.referenceId, { timeoutMs: 5_000 });
      expect(confirmation.referenceId).toBe(handle.referenceId);
    } finally {
      await other.close();
    }
  });
});
