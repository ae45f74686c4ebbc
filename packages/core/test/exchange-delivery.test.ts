import { afterEach, describe, expect, it } from 'vitest';
import type { Logger } from '../src/logger';
import { statusAnswer } from '../src/server';
import { anOrder } from './support/exchange-api';
import { BESTELOMGEVING, FAST, startCycle, waitFor, type Cycle, type Gate } from './support/exchange-harness';

let cycle: Cycle | undefined;
afterEach(async () => {
  await cycle?.close();
  cycle = undefined;
});

/** The confirmation endpoint answers `refusal` for the first `times` requests, then works. */
function failing(times: number, refusal: (attempt: number) => ReturnType<Gate>): Gate & { at: number[] } {
  const at: number[] = [];
  const gate = ((request) => {
    if (!request.url.includes('/confirmations')) return undefined;
    at.push(Date.now());
    return at.length <= times ? refusal(at.length) : undefined;
  }) as Gate & { at: number[] };
  gate.at = at;
  return gate;
}

const eventTypes = (cycle: Cycle) => cycle.ontvangerEvents.map((event) => event.type);

describe('exchange: delivering the confirmation', () => {
  it('keeps trying while the confirmation endpoint is down and delivers once it is up', async () => {
    const gate = failing(4, () => statusAnswer('0.9.2', 503, 99, 'down for maintenance'));
    cycle = await startCycle({ gate });
    const handle = await cycle.verzender.send('placeOrder', anOrder());
    await handle.confirmation;
    expect(gate.at).toHaveLength(5);
    const failed = cycle.ontvangerEvents.filter((event) => event.type === 'attempt-failed');
    expect(failed.map((event) => event.type === 'attempt-failed' && [event.attempt, event.httpStatus])).toEqual([
      [1, 503],
      [2, 503],
      [3, 503],
      [4, 503],
    ]);
    const running = cycle;
    await waitFor('the delivered event', () => running.ontvangerEvents.some((event) => event.type === 'delivered'));
    expect(cycle.ontvangerEvents).toContainEqual(expect.objectContaining({ type: 'delivered', kind: 'confirmation', attempts: 5 }));
    expect(cycle.processed).toHaveLength(1);
  });

  it('delivers after the verzender was unreachable (connection refused)', async () => {
    let reachable = false;
    cycle = await startCycle({
      ontvanger: { confirmationUrl: (_peer, operation) => (reachable ? `${cycle!.verzenderUrl}${operation.path}` : `http://127.0.0.1:9${operation.path}`) },
    });
    const handle = await cycle.verzender.send('placeOrder', anOrder());
    const known = cycle;
    await waitFor('two failed attempts', () => known.ontvangerEvents.filter((event) => event.type === 'attempt-failed').length >= 2);
    reachable = true;
    await handle.confirmation;
    expect(cycle.ontvangerEvents.find((event) => event.type === 'attempt-failed')).toMatchObject({ error: expect.stringContaining('network error') });
  });

  it('waits while the confirmation URL is not known yet (undefined) and delivers once it is', async () => {
    const verzender: { url?: string } = {};
    cycle = await startCycle({ ontvanger: { confirmationUrl: (_peer, operation) => verzender.url && `${verzender.url}${operation.path}` } });
    const handle = await cycle.verzender.send('placeOrder', anOrder());
    const running = cycle;
    await waitFor('an attempt without a URL', () => running.ontvangerEvents.some((event) => event.type === 'attempt-failed'));
    verzender.url = cycle.verzenderUrl;
    await handle.confirmation;
    expect(cycle.ontvangerEvents.find((event) => event.type === 'attempt-failed')).toMatchObject({
      error: `no confirmOrder endpoint known for ${BESTELOMGEVING} yet`,
    });
  });

  it('honours Retry-After instead of its own (millisecond) backoff', async () => {
    const gate = failing(1, () => statusAnswer('0.9.2', 429, 99, 'slow down', { 'retry-after': '1' }));
    cycle = await startCycle({ gate, ontvanger: { retry: { ...FAST.retry, maxDelayMs: 5_000 } } });
    await (
      await cycle.verzender.send('placeOrder', anOrder())
    ).confirmation;
    expect(gate.at).toHaveLength(2);
    expect(gate.at[1]! - gate.at[0]!).toBeGreaterThanOrEqual(950);
  });

  it('gives a refused confirmation (a 4xx other than 408/429) up after refusedAttempts tries in all', async () => {
    const gate = failing(Number.POSITIVE_INFINITY, () => statusAnswer('0.9.2', 400, 11, 'Schema incorrect: body field "orderStatus" is required'));
    cycle = await startCycle({ gate, ontvanger: { retry: { ...FAST.retry, refusedAttempts: 3 } } });
    const handle = await cycle.verzender.send('placeOrder', anOrder());
    const running = cycle;
    await waitFor('giving up', () => running.ontvangerEvents.some((event) => event.type === 'gave-up'));
    expect(eventTypes(cycle).filter((type) => type === 'attempt-failed' || type === 'gave-up')).toEqual(['attempt-failed', 'attempt-failed', 'gave-up']);
    const id = ['confirmation', 'order-api', 'placeOrder', BESTELOMGEVING, handle.referenceId].join('/');
    expect(await cycle.ontvangerStore.getOutbound(id)).toMatchObject({ state: 'failed', attempts: 3, lastError: expect.stringContaining('HTTP 400') });
  });

  it("asks a verzender's tokenProvider again after a 401, having invalidated the refused token", async () => {
    const tokens = ['expired-token', 'token-of-bestelomgeving'];
    const invalidated: string[] = [];
    const tokenProvider = { getToken: async () => tokens[0]!, invalidate: (token: string) => (invalidated.push(token), tokens.shift()) };
    cycle = await startCycle({ verzender: { tokenProvider } });
    await (
      await cycle.verzender.send('placeOrder', anOrder())
    ).confirmation;
    expect(invalidated).toEqual(['expired-token']);
    expect(cycle.verzenderEvents.find((event) => event.type === 'attempt-failed')).toMatchObject({ httpStatus: 401 });
  });

  it('never lets a token reach a log line or an event, even when the other side echoes it', async () => {
    const lines: string[] = [];
    const record = (message: string, details?: unknown) => lines.push(`${message} ${JSON.stringify(details)}`);
    const logger: Logger = { debug: record, info: record, warn: record, error: record };
    const gate = failing(2, () => statusAnswer('0.9.2', 401, 99, 'token Bearer token-of-ordersysteem is not valid'));
    cycle = await startCycle({ gate, ontvanger: { logger } });
    await (
      await cycle.verzender.send('placeOrder', anOrder())
    ).confirmation;
    const everything = [...lines, JSON.stringify(cycle.ontvangerEvents)].join('\n');
    expect(lines.some((line) => line.includes('attempt-failed') && line.includes('HTTP 401') && /"nextAttemptAt":"\d{4}-\d\d-\d\dT/.test(line))).toBe(true);
    expect(everything).not.toContain('token-of-ordersysteem');
  });
});
