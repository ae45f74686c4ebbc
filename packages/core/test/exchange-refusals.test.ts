import { afterEach, describe, expect, it } from 'vitest';
import type { Logger } from '../src/logger';
import { anOrder } from './support/exchange-api';
import { BESTELOMGEVING, put, startCycle, type Cycle } from './support/exchange-harness';

let cycle: Cycle | undefined;
afterEach(async () => {
  await cycle?.close();
  cycle = undefined;
});

const statusOf = async (response: Response) => ({
  http: response.status,
  apiVersion: response.headers.get('api-version'),
  ...((await response.json()) as { status: number; statusMessage: string }),
});
const key = (referenceId: string) => ({ api: 'order-api', operationId: 'placeOrder', peer: BESTELOMGEVING, referenceId });

describe('exchange: bad input changes nothing', () => {
  it('refuses a request with a malformed field: 400 / 0011 naming it, nothing stored or processed', async () => {
    cycle = await startCycle();
    const response = await put(`${cycle.ontvangerUrl}/orders`, anOrder({ requestReferenceId: 'bad-1', orderLines: [{ productId: 'p', quantity: 'many' }] }));
    const answer = await statusOf(response);
    expect(answer).toMatchObject({ http: 400, status: 11, apiVersion: '0.9.2' });
    expect(answer.statusMessage).toContain('body field "orderLines[0].quantity"');
    expect(await cycle.ontvangerStore.getRequest(key('bad-1'))).toBeUndefined();
  });

  it('refuses a request without its reference id, naming the field', async () => {
    cycle = await startCycle();
    const answer = await statusOf(await put(`${cycle.ontvangerUrl}/orders`, anOrder()));
    expect(answer).toMatchObject({ http: 400, status: 11 });
    expect(answer.statusMessage).toContain('"requestReferenceId"');
    expect(await cycle.ontvangerStore.claimRequests({ worker: 'probe', now: new Date(Date.now() + 60_000), leaseMs: 1, limit: 10 })).toEqual([]);
  });

  it('refuses a body that is not JSON and a request without a token (401)', async () => {
    cycle = await startCycle();
    expect(await statusOf(await put(`${cycle.ontvangerUrl}/orders`, '{"requestReferenceId":'))).toMatchObject({ http: 400, status: 11 });
    expect((await put(`${cycle.ontvangerUrl}/orders`, anOrder({ requestReferenceId: 'x' }), 'stolen')).status).toBe(401);
    expect(await cycle.ontvangerStore.getRequest(key('x'))).toBeUndefined();
  });

  it('refuses a malformed confirmation: 400 / 0011 naming the field, the sent request stays unconfirmed', async () => {
    cycle = await startCycle({ verzender: { baseUrl: 'http://127.0.0.1:9/order-api/v0', autoStart: false } });
    const handle = await cycle.verzender.send('placeOrder', anOrder());
    const answer = await statusOf(
      await put(
        `${cycle.verzenderUrl}/orders/confirmations`,
        { requestReferenceId: handle.referenceId, responseReferenceId: 'r', processedTimestamp: 'yesterday', orderStatus: 'approved' },
        'token-of-ordersysteem',
      ),
    );
    expect(answer).toMatchObject({ http: 400, status: 11 });
    expect(answer.statusMessage).toContain('"processedTimestamp"');
    expect((await cycle.verzenderStore.getSent({ ...key(handle.referenceId), peer: '' }))?.confirmations).toBe(0);
  });

  it("refuses a confirmation of a reference id it never sent (400 / 0099, eduvkit's choice) and reports it", async () => {
    const lines: string[] = [];
    const logger: Logger = {
      debug: () => undefined,
      info: () => undefined,
      warn: (message, details) => lines.push(`${message} ${JSON.stringify(details)}`),
      error: () => undefined,
    };
    cycle = await startCycle({ verzender: { logger } });
    const confirmation = {
      requestReferenceId: 'never-sent',
      responseReferenceId: 'r-1',
      processedTimestamp: new Date().toISOString(),
      orderStatus: 'approved',
    };
    const answer = await statusOf(await put(`${cycle.verzenderUrl}/orders/confirmations`, confirmation, 'token-of-ordersysteem'));
    expect(answer).toMatchObject({ http: 400, status: 99 });
    expect(answer.statusMessage).toContain('requestReferenceId unknown');
    expect(cycle.verzenderEvents).toContainEqual({
      type: 'unknown-confirmation',
      api: 'order-api',
      operationId: 'confirmOrder',
      referenceId: 'never-sent',
      caller: 'ordersysteem',
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('never-sent');
  });

  it('accepts a repeated confirmation (202) without counting it as a second first', async () => {
    cycle = await startCycle({ verzender: { baseUrl: 'http://127.0.0.1:9/order-api/v0', autoStart: false } });
    const handle = await cycle.verzender.send('placeOrder', anOrder());
    const confirmation = {
      requestReferenceId: handle.referenceId,
      responseReferenceId: 'r-1',
      processedTimestamp: new Date().toISOString(),
      orderStatus: 'approved',
    };
    const statuses = [];
    for (const body of [confirmation, { ...confirmation, orderStatus: 'declined' }])
      statuses.push((await put(`${cycle.verzenderUrl}/orders/confirmations`, body, 'token-of-ordersysteem')).status);
    expect(statuses).toEqual([202, 202]);
    const matched = await handle.confirmation;
    expect(matched.body).toEqual(confirmation);
    expect(cycle.verzenderEvents.filter((event) => event.type === 'confirmed').map((event) => event.type === 'confirmed' && event.repeated)).toEqual([
      false,
      true,
    ]);
  });
});

describe('exchange: the 405 rule (§12.6)', () => {
  it('an ontvanger answers 405 on the confirmation path, naming the verzender as its provider', async () => {
    cycle = await startCycle();
    const response = await put(`${cycle.ontvangerUrl}/orders/confirmations`, {}, 'token-of-ordersysteem');
    expect(await statusOf(response)).toMatchObject({ http: 405, statusMessage: 'Method Not Allowed - Bestelomgeving is provider of this endpoint' });
  });

  it('a verzender answers 405 on the request path, naming the ontvanger as its provider', async () => {
    cycle = await startCycle();
    const response = await put(`${cycle.verzenderUrl}/orders`, anOrder({ requestReferenceId: 'wrong-way' }), 'token-of-ordersysteem');
    expect(await statusOf(response)).toMatchObject({ http: 405, statusMessage: 'Method Not Allowed - Ordersysteem is provider of this endpoint' });
  });

  it("serves under another base path when told to, and nothing under the registry's", async () => {
    cycle = await startCycle({ ontvanger: { basePath: '/ordersysteem/order-api/' } });
    const origin = new URL(cycle.ontvangerUrl).origin;
    expect((await put(`${origin}/ordersysteem/order-api/orders`, anOrder({ requestReferenceId: 'moved' }))).status).toBe(202);
    expect((await put(`${cycle.ontvangerUrl}/orders`, anOrder({ requestReferenceId: 'moved' }))).status).toBe(404);
  });

  it('answers 501 for an operation of its own role it has no handler for, and serves one it has', async () => {
    // The hand-built registry's operations are plain OperationDefinitions: no inferred result type.
    const getOrderStatus = (() => ({ open: 3 })) as unknown as () => undefined;
    cycle = await startCycle({ ontvanger: { handlers: { getOrderStatus } } });
    const served = await fetch(`${cycle.ontvangerUrl}/orders/status`, { headers: { authorization: 'Bearer token-of-bestelomgeving' } });
    expect(served.status).toBe(200);
    expect(await served.json()).toEqual({ open: 3 });
    await cycle.close();
    cycle = await startCycle();
    const unserved = await fetch(`${cycle.ontvangerUrl}/orders/status`, { headers: { authorization: 'Bearer token-of-bestelomgeving' } });
    expect(unserved.status).toBe(501);
  });
});
