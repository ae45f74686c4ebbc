import { afterEach, describe, expect, it } from 'vitest';
import {
  createNotificationDispatcher,
  createNotificationLog,
  createNotificationReceiver,
  NotificationDeliveryError,
  type Notification,
  type NotificationDispatcher,
  type NotificationLog,
} from '../src/index';
import { DropConnection, SCHOOL_A, SCHOOL_B, TestHttpServer, closedPort, waitFor } from './helpers';

const PATH = '/notifications-api/v0';

interface ReceivedBatch {
  ids: string[];
  created: string[];
  status: number;
  authorization: string | null;
}

/**
 * A consumer on a real HTTP server: records every POST, fails the first `failFirst` with 500, lets
 * a real receiver answer the rest, but cuts the connection after processing the first
 * `loseAnswers` of those (the producer never hears the 202: status -1 here).
 */
function consumer(options: { failFirst?: number; loseAnswers?: number } = {}) {
  let failuresLeft = options.failFirst ?? 0;
  let answersToLose = options.loseAnswers ?? 0;
  const received: ReceivedBatch[] = [];
  const processed: Notification[] = [];
  const receiver = createNotificationReceiver({ dangerouslyAcceptAnyToken: true, onNotifications: (batch) => void processed.push(...batch) });
  const server = new TestHttpServer(async (request) => {
    const body = (await request
      .clone()
      .json()
      .catch(() => [])) as Notification[];
    const record = { ids: body.map((n) => n.id), created: body.map((n) => n.created), status: 0, authorization: request.headers.get('authorization') };
    received.push(record);
    if (failuresLeft > 0) {
      failuresLeft -= 1;
      record.status = 500;
      return Response.json({ status: 99, statusMessage: 'temporarily unavailable' }, { status: 500 });
    }
    const response = await receiver.handle(request);
    if (answersToLose > 0 && response?.status === 202) {
      answersToLose -= 1;
      record.status = -1;
      throw new DropConnection();
    }
    record.status = response?.status ?? 404;
    return response;
  });
  const acked = () => received.filter((batch) => batch.status >= 200 && batch.status < 300).flatMap((batch) => batch.ids);
  return { server, received, processed, acked };
}

/** Every batch starts right after the last acknowledged one and is a contiguous run of `expected`. */
function expectInOrderWithoutGaps(received: readonly ReceivedBatch[], expected: readonly string[]): void {
  let position = 0;
  for (const batch of received) {
    expect(batch.ids).toEqual(expected.slice(position, position + batch.ids.length));
    if (batch.status >= 200 && batch.status < 300) position += batch.ids.length;
  }
  expect(position).toBe(expected.length);
}

const open: { dispatchers: NotificationDispatcher[]; servers: TestHttpServer[] } = { dispatchers: [], servers: [] };
afterEach(async () => {
  await Promise.all(open.dispatchers.splice(0).map((dispatcher) => dispatcher.close()));
  await Promise.all(open.servers.splice(0).map((server) => server.stop()));
});

function track<T extends NotificationDispatcher | TestHttpServer>(item: T): T {
  if (item instanceof TestHttpServer) open.servers.push(item);
  else open.dispatchers.push(item);
  return item;
}

function appendRound(log: NotificationLog, round: number, perApi = 10): void {
  for (let index = 0; index < perApi; index += 1) {
    const school = { organisationMasterIdentifier: index % 3 === 0 ? SCHOOL_B : SCHOOL_A };
    log.append({ api: 'students-api', notificationType: 'object', objectType: 'Student', objectId: `s-${round}-${index}`, school });
    if (index % 4 === 0) log.append({ api: 'employees-api', notificationType: 'object', objectType: 'Employee', objectId: `e-${round}-${index}`, school });
  }
}

/** The consumer's receiver demands a bearer token. */
const withToken = { headers: () => ({ authorization: 'Bearer producer' }) };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('createNotificationDispatcher', () => {
  it('delivers every notification exactly in created order, without gaps, through a closed port, 500s and lost answers', async () => {
    const log = createNotificationLog();
    const port = await closedPort();
    const { server, received, processed, acked } = consumer({ failFirst: 4, loseAnswers: 2 });
    const errors: unknown[] = [];
    const dispatcher = track(
      createNotificationDispatcher({
        log,
        isAllowed: () => true,
        batchSize: 7,
        retry: { baseDelayMs: 5, maxDelayMs: 40 },
        headers: async (subscription) => ({ authorization: `Bearer token-for-${subscription.clientId}` }),
        onError: (error) => errors.push(error),
      }),
    );
    appendRound(log, -1); // before the subscription: never delivered
    dispatcher.subscribe({ clientId: 'afnemer', api: 'students-api', callbackUrl: `http://127.0.0.1:${port}${PATH}/` });
    const before = log.after(0).length;

    for (let round = 0; round < 3; round += 1) {
      appendRound(log, round);
      dispatcher.notify();
      await sleep(3);
    }
    await waitFor(() => dispatcher.stats().failedAttempts >= 3, 10_000, 'refused connections');
    expect(received).toEqual([]);

    track(server);
    server.port = port;
    await server.start();
    for (let round = 3; round < 12; round += 1) {
      appendRound(log, round);
      dispatcher.notify();
      await sleep(round % 2 ? 0 : 4);
    }
    await dispatcher.idle();

    const expected = log.after(before).filter((n) => n.api === 'students-api');
    const expectedIds = expected.map((n) => n.id);
    expect(expectedIds).toHaveLength(120);
    expect(expected.map((n) => n.created)).toEqual([...expected.map((n) => n.created)].sort());
    expectInOrderWithoutGaps(received, expectedIds);
    expect(acked()).toEqual(expectedIds);
    expect(received.filter((batch) => batch.status === 500)).toHaveLength(4);
    // a lost answer makes the producer send that batch again; the receiver drops the copies
    const lost = received.filter((batch) => batch.status === -1);
    expect(lost).toHaveLength(2);
    for (const batch of lost) expect(received[received.indexOf(batch) + 1]!.ids.slice(0, batch.ids.length)).toEqual(batch.ids);
    expect(received.every((batch) => batch.ids.length <= 7 && batch.authorization === 'Bearer token-for-afnemer')).toBe(true);
    expect(processed.map((n) => n.id)).toEqual(expectedIds);
    expect(processed[0]).toEqual({
      id: expectedIds[0],
      notificationType: 'object',
      objectType: 'Student',
      objectId: 's-0-0',
      school: { organisationMasterIdentifier: SCHOOL_B },
      created: expected[0]!.created,
    });
    const stats = dispatcher.stats();
    expect(stats).toMatchObject({ delivered: 120, pending: 0 });
    expect(stats.failedAttempts).toBe(errors.length);
    expect(errors.filter((error) => error instanceof NotificationDeliveryError && error.httpStatus === 500)).toHaveLength(4);
    expect(errors.length).toBeGreaterThanOrEqual(3 + 4 + 2);
  });

  it('goes on from the oldest notification still held when the log dropped what a subscriber had not received', async () => {
    const log = createNotificationLog({ capacity: 10 });
    const port = await closedPort();
    const { server, received, acked } = consumer();
    const dispatcher = track(
      createNotificationDispatcher({ ...withToken, log, isAllowed: () => true, batchSize: 4, retry: { baseDelayMs: 5, maxDelayMs: 20 } }),
    );
    dispatcher.subscribe({ clientId: 'afnemer', api: 'students-api', callbackUrl: `http://127.0.0.1:${port}${PATH}` });
    appendRound(log, 0, 3);
    dispatcher.notify();
    await waitFor(() => dispatcher.stats().failedAttempts >= 1, 10_000, 'a refused connection');
    appendRound(log, 1, 20);
    track(server);
    server.port = port;
    await server.start();
    dispatcher.notify();
    await dispatcher.idle();

    const held = log.after(0).filter((n) => n.api === 'students-api');
    expect(held.length).toBeGreaterThan(0);
    expect(held.every((n) => n.objectId!.startsWith('s-1-'))).toBe(true);
    expect(acked()).toEqual(held.map((n) => n.id));
    expectInOrderWithoutGaps(
      received,
      held.map((n) => n.id),
    );
    expect(dispatcher.stats().pending).toBe(0);
  });

  it('skips what the consent filter does not allow, for that subscriber only', async () => {
    const log = createNotificationLog();
    const revoked = new Set<string>();
    const first = consumer();
    const second = consumer();
    await track(first.server).start();
    await track(second.server).start();
    const dispatcher = track(
      createNotificationDispatcher({
        ...withToken,
        log,
        isAllowed: (subscription, n) => !(subscription.clientId === 'first' && revoked.has(n.orgMasterId ?? '')),
        batchSize: 5,
        retry: { baseDelayMs: 5, maxDelayMs: 20 },
      }),
    );
    dispatcher.subscribe({ clientId: 'first', api: 'students-api', callbackUrl: `${first.server.baseUrl}${PATH}` });
    dispatcher.subscribe({ clientId: 'second', api: 'students-api', callbackUrl: `${second.server.baseUrl}${PATH}` });
    appendRound(log, 0);
    await dispatcher.idle();
    revoked.add(SCHOOL_B);
    appendRound(log, 1);
    appendRound(log, 2);
    dispatcher.notify();
    await dispatcher.idle();

    const students = log.list({ api: 'students-api' });
    const allowedForFirst = students.filter((n) => n.objectId!.startsWith('s-0-') || n.orgMasterId !== SCHOOL_B).map((n) => n.id);
    expect(first.acked()).toEqual(allowedForFirst);
    expect(allowedForFirst.length).toBeLessThan(students.length);
    expectInOrderWithoutGaps(first.received, allowedForFirst);
    expect(second.acked()).toEqual(students.map((n) => n.id));
    expect(dispatcher.stats().pending).toBe(0);
  });

  it('does not let a subscriber that drops connections or hangs hold up the others', async () => {
    const log = createNotificationLog();
    const healthy = consumer();
    await track(healthy.server).start();
    const hanging = track(new TestHttpServer(() => new Promise<Response>(() => undefined)));
    await hanging.start();
    const down = track(
      new TestHttpServer(() => {
        throw new DropConnection();
      }),
    );
    await down.start();
    const dispatcher = track(
      createNotificationDispatcher({ ...withToken, log, isAllowed: () => true, batchSize: 4, timeoutMs: 150, retry: { baseDelayMs: 10, maxDelayMs: 50 } }),
    );
    dispatcher.subscribe({ clientId: 'down', api: 'students-api', callbackUrl: `${down.baseUrl}${PATH}` });
    dispatcher.subscribe({ clientId: 'hanging', api: 'students-api', callbackUrl: `${hanging.baseUrl}${PATH}` });
    dispatcher.subscribe({ clientId: 'healthy', api: 'students-api', callbackUrl: `${healthy.server.baseUrl}${PATH}` });
    for (let round = 0; round < 3; round += 1) {
      appendRound(log, round);
      dispatcher.notify();
    }
    const expected = log.list({ api: 'students-api' }).map((n) => n.id);
    await waitFor(() => dispatcher.stats().delivered === expected.length, 10_000, 'the healthy subscriber');
    expect(healthy.acked()).toEqual(expected);
    await waitFor(() => dispatcher.stats().failedAttempts >= 4, 10_000, 'failures of the others');
    expect(dispatcher.stats().pending).toBe(2 * expected.length);

    const idle = dispatcher.idle();
    const early = await Promise.race([idle.then(() => 'idle'), sleep(100).then(() => 'still busy')]);
    expect(early).toBe('still busy');
    dispatcher.unsubscribe('down', 'students-api');
    dispatcher.unsubscribe('hanging', 'students-api');
    await idle;
    expect(dispatcher.subscriptions().map((s) => s.clientId)).toEqual(['healthy']);
  });

  it('subscribes idempotently from now on, follows a changed callback URL, unsubscribes and closes', async () => {
    const log = createNotificationLog();
    const first = consumer();
    const second = consumer();
    await track(first.server).start();
    await track(second.server).start();
    const dispatcher = createNotificationDispatcher({ ...withToken, log, isAllowed: () => true, retry: { baseDelayMs: 5, maxDelayMs: 10 } });
    log.append({ api: 'students-api', notificationType: 'object', objectType: 'Student', objectId: 'old' });
    dispatcher.subscribe({ clientId: 'c', api: 'students-api', callbackUrl: `${first.server.baseUrl}${PATH}` });
    log.append({ api: 'students-api', notificationType: 'object', objectType: 'Student', objectId: 'new-1' });
    dispatcher.subscribe({ clientId: 'c', api: 'students-api', callbackUrl: `${first.server.baseUrl}${PATH}` });
    await dispatcher.idle();
    expect(first.processed.map((n) => n.objectId)).toEqual(['new-1']);

    dispatcher.subscribe({ clientId: 'c', api: 'students-api', callbackUrl: `${second.server.baseUrl}${PATH}` });
    expect(dispatcher.subscriptions()).toEqual([{ clientId: 'c', api: 'students-api', callbackUrl: `${second.server.baseUrl}${PATH}` }]);
    log.append({ api: 'students-api', notificationType: 'bulk', objectType: 'Student' });
    await dispatcher.idle();
    expect(second.processed.map((n) => n.notificationType)).toEqual(['bulk']);

    dispatcher.unsubscribe('c', 'students-api');
    log.append({ api: 'students-api', notificationType: 'object', objectType: 'Student', objectId: 'unheard' });
    dispatcher.notify();
    await dispatcher.idle();
    expect(second.received).toHaveLength(1);
    expect(dispatcher.stats()).toEqual({ delivered: 2, failedAttempts: 0, pending: 0 });

    expect(() => dispatcher.subscribe({ clientId: 'x', api: 'students-api', callbackUrl: 'ftp://nope' })).toThrow(TypeError);
    await dispatcher.close();
    expect(() => dispatcher.subscribe({ clientId: 'c', api: 'students-api', callbackUrl: `${first.server.baseUrl}${PATH}` })).toThrow(/closed/);
    await dispatcher.idle();
  });

  it('close() aborts a delivery in flight and stops retrying', async () => {
    const log = createNotificationLog();
    let calls = 0;
    const dispatcher = createNotificationDispatcher({
      log,
      isAllowed: () => true,
      retry: { baseDelayMs: 5, maxDelayMs: 5 },
      fetch: (_url, init) =>
        new Promise<Response>((_resolve, reject) => {
          calls += 1;
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
        }),
    });
    dispatcher.subscribe({ clientId: 'c', api: 'students-api', callbackUrl: 'http://127.0.0.1:9/x' });
    log.append({ api: 'students-api', notificationType: 'object', objectType: 'Student' });
    dispatcher.notify();
    await waitFor(() => calls === 1);
    await dispatcher.close();
    await sleep(30);
    expect(calls).toBe(1);
    expect(dispatcher.stats().failedAttempts).toBe(0);
  });
});
