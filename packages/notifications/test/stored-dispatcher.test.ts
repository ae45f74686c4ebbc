import { EduvConfigError } from '@eduvkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createInMemoryNotificationStore,
  createStoredNotificationDispatcher,
  createStoredNotificationLog,
  type Notification,
  type NotificationLogInput,
  type StoredNotificationDispatcher,
} from '../src/index';
import { SCHOOL_A, SCHOOL_B, TestHttpServer, testUuid } from './helpers';

const open: { stop(): Promise<void> }[] = [];
afterEach(async () => {
  for (const item of open.splice(0).reverse()) await item.stop();
});

/** A consumer on 127.0.0.1 that records the ids of every batch it answers 2xx, failing the first `failFirst`. */
async function consumer(failFirst = 0) {
  let failuresLeft = failFirst;
  const accepted: string[] = [];
  const server = await new TestHttpServer(async (request) => {
    if (failuresLeft > 0) {
      failuresLeft -= 1;
      return Response.json({ status: 99, statusMessage: 'busy' }, { status: 503 });
    }
    accepted.push(...((await request.json()) as Notification[]).map((notification) => notification.id));
    return new Response(null, { status: 204 });
  }).start();
  open.push(server);
  return { url: server.baseUrl, accepted };
}

const student = (orgMasterId = SCHOOL_A): NotificationLogInput => ({
  id: testUuid(),
  api: 'students-api',
  notificationType: 'object',
  objectType: 'Student',
  objectId: 's',
  school: { organisationMasterIdentifier: orgMasterId },
});

function dispatcherOn(
  store: ReturnType<typeof createInMemoryNotificationStore>,
  extra: Partial<Parameters<typeof createStoredNotificationDispatcher>[0]> = {},
): StoredNotificationDispatcher {
  const dispatcher = createStoredNotificationDispatcher({
    store,
    isAllowed: (_, entry) => entry.orgMasterId !== SCHOOL_B,
    batchSize: 7,
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
    pollIntervalMs: 20,
    ...extra,
  });
  open.push({ stop: () => dispatcher.close() });
  return dispatcher;
}

describe('a dispatcher on a notification store', () => {
  it('delivers everything appended after the subscription, in order, skipping what is not allowed, and keeps the cursor in the store', async () => {
    const store = createInMemoryNotificationStore();
    const log = createStoredNotificationLog({ store });
    await log.append(student());
    const dispatcher = dispatcherOn(store);
    const target = await consumer();
    await dispatcher.subscribe({ clientId: 'c1', api: 'students-api', callbackUrl: `${target.url}/` });
    const appended = await log.appendAll(Array.from({ length: 30 }, (_, index) => student(index % 5 === 4 ? SCHOOL_B : SCHOOL_A)));
    await log.append({ ...student(), api: 'employees-api', objectType: 'Employee' });
    dispatcher.notify();
    await dispatcher.idle();
    expect(target.accepted).toEqual(appended.filter((entry) => entry.orgMasterId === SCHOOL_A).map((entry) => entry.id));
    expect((await store.getSubscription('c1', 'students-api'))!.cursor).toBe(appended.at(-1)!.sequence);
    expect(await dispatcher.stats()).toEqual({ delivered: 24, failedAttempts: 0, pending: 0 });
  });

  it('retries a failing subscriber with backoff and then delivers in order', async () => {
    const store = createInMemoryNotificationStore();
    const log = createStoredNotificationLog({ store });
    const errors: unknown[] = [];
    const dispatcher = dispatcherOn(store, { onError: (error) => errors.push(error) });
    const target = await consumer(3);
    await dispatcher.subscribe({ clientId: 'c1', api: 'students-api', callbackUrl: target.url });
    const appended = await log.appendAll(Array.from({ length: 10 }, () => student()));
    dispatcher.notify();
    await dispatcher.idle();
    expect(target.accepted).toEqual(appended.map((entry) => entry.id));
    expect(errors).toHaveLength(3);
    expect((await dispatcher.stats()).failedAttempts).toBe(3);
  });

  it('several dispatchers on one store deliver every notification once each, in order, while appends go on', async () => {
    const store = createInMemoryNotificationStore();
    const log = createStoredNotificationLog({ store });
    const instances = [dispatcherOn(store, { worker: 'a' }), dispatcherOn(store, { worker: 'b' }), dispatcherOn(store, { worker: 'c' })];
    const targets = [await consumer(), await consumer(1)];
    await instances[0]!.subscribe({ clientId: 'c1', api: 'students-api', callbackUrl: targets[0]!.url });
    await instances[1]!.subscribe({ clientId: 'c2', api: 'students-api', callbackUrl: targets[1]!.url });
    const appended: string[] = [];
    for (let round = 0; round < 20; round += 1) {
      appended.push(...(await log.appendAll(Array.from({ length: 5 }, () => student()))).map((entry) => entry.id));
      instances[round % 3]!.notify();
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await Promise.all(instances.map((instance) => instance.idle()));
    for (const target of targets) expect(target.accepted).toEqual(appended);
  });

  it('a second dispatcher takes over a subscription once the first one has closed', async () => {
    const store = createInMemoryNotificationStore();
    const log = createStoredNotificationLog({ store });
    const first = dispatcherOn(store, { worker: 'first' });
    const target = await consumer();
    await first.subscribe({ clientId: 'c1', api: 'students-api', callbackUrl: target.url });
    const early = await log.appendAll([student(), student()]);
    await first.idle();
    await first.close();
    const late = await log.appendAll([student(), student()]);
    const second = dispatcherOn(store, { worker: 'second' });
    await second.idle();
    expect(target.accepted).toEqual([...early, ...late].map((entry) => entry.id));
  });

  it('stops delivering to a subscription removed by unsubscribe, also one another instance registered', async () => {
    const store = createInMemoryNotificationStore();
    const log = createStoredNotificationLog({ store });
    const [registering, delivering] = [dispatcherOn(store, { worker: 'r' }), dispatcherOn(store, { worker: 'd' })];
    const target = await consumer();
    await registering.subscribe({ clientId: 'c1', api: 'students-api', callbackUrl: target.url });
    const [kept] = await log.appendAll([student()]);
    await delivering.idle();
    expect(target.accepted).toEqual([kept!.id]);
    await registering.unsubscribe('c1', 'students-api');
    await log.appendAll([student(), student()]);
    delivering.notify();
    await delivering.idle();
    expect(await delivering.subscriptions()).toEqual([]);
    expect(target.accepted).toEqual([kept!.id]);
  });

  it('refuses a bad subscription and options, as the in-memory dispatcher does', async () => {
    const store = createInMemoryNotificationStore();
    const dispatcher = dispatcherOn(store);
    await expect(dispatcher.subscribe({ clientId: 'c1', api: 'students-api', callbackUrl: 'ftp://x' })).rejects.toThrow(TypeError);
    expect(() => createStoredNotificationDispatcher({ store, isAllowed: () => true, leaseMs: 0 })).toThrow(EduvConfigError);
    expect(await dispatcher.subscriptions()).toEqual([]);
  });
});

describe('a log on a notification store', () => {
  it('refuses what the in-memory log refuses, and keeps created in append order', async () => {
    const log = createStoredNotificationLog({ store: createInMemoryNotificationStore(), now: () => new Date('2026-03-04T10:00:00Z') });
    const first = await log.append(student());
    const second = await log.append(student());
    expect([first.sequence, second.sequence]).toEqual([1, 2]);
    expect(second.created).toBe('2026-03-04T10:00:00.001Z');
    await expect(log.append({ ...student(), objectType: 7 } as unknown as NotificationLogInput)).rejects.toThrow(TypeError);
    await expect(log.append({ ...student(), api: '' })).rejects.toThrow(/api/);
    await expect(log.append({ ...student(), created: '2026-03-04T09:00:00Z' })).rejects.toThrow(RangeError);
    await expect(log.appendAll([student(), { ...student(), id: first.id }])).rejects.toThrow(RangeError);
    await expect(log.after(Number.NaN)).rejects.toThrow(RangeError);
    await expect(log.after(0, 0)).rejects.toThrow(EduvConfigError);
    expect((await log.after(-3)).map((entry) => entry.sequence)).toEqual([1, 2]);
    expect((await log.list({ since: first.created })).map((entry) => entry.id)).toEqual([second.id]);
  });
});
