import { EduvApiError, staticToken } from '@eduvkit/core';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createNotificationDispatcher,
  createNotificationLog,
  createNotificationReceiver,
  createNotificationsClient,
  createNotificationSync,
} from '../src/index';
import { DEFAULT_NOTIFICATIONS_BASE_URL, notificationsHandlers, notificationsOverride } from '../src/msw/index';
import { SCHOOL_A } from './helpers';

// A consumer's test: the producer (subscribe, list, delivery) and the consumer's own callback
// endpoint both run inside MSW; the dispatcher's fetch is intercepted like any other.
const CALLBACK = 'https://afnemer.example/notifications-api/v0';
const log = createNotificationLog();
const dispatcher = createNotificationDispatcher({
  log,
  isAllowed: () => true,
  headers: () => ({ authorization: 'Bearer producer' }),
  retry: { baseDelayMs: 5, maxDelayMs: 20 },
});
const stored = new Map<string, unknown>();
const sync = createNotificationSync({
  fetchObject: async (n) => ({ objectId: n.objectId, fetched: true }),
  onUpsert: (n, object) => void stored.set(n.objectId!, object),
  onDelete: (n) => void stored.delete(n.objectId!),
  onBulk: () => undefined,
});
const receiver = createNotificationReceiver({ dangerouslyAcceptAnyToken: true, onNotifications: (batch) => sync.apply(batch) });
const server = setupServer(
  ...notificationsHandlers({ log, dispatcher, callbackUrls: { 'afnemer-1': CALLBACK } }),
  http.post(`${CALLBACK}/*`, async ({ request }) => (await receiver.handle(request)) ?? new Response(null, { status: 404 })),
);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(async () => {
  server.close();
  await dispatcher.close();
});

const client = (token: string) =>
  createNotificationsClient({ baseUrl: DEFAULT_NOTIFICATIONS_BASE_URL, tokenProvider: staticToken(token), validation: 'strict', retry: false });

describe('Notifications MSW handlers', () => {
  it('run subscribe → change → delivery → sync end to end', async () => {
    await client('afnemer-1').subscribe('students-api');
    const school = { organisationMasterIdentifier: SCHOOL_A };
    log.append({ api: 'students-api', notificationType: 'object', objectType: 'Student', objectId: 's1', school });
    log.append({ api: 'students-api', notificationType: 'object', objectType: 'Student', objectId: 's2', school });
    log.append({ api: 'students-api', notificationType: 'object', objectType: 'Student', objectId: 's1', school, isDeleteNotification: true });
    dispatcher.notify();
    await dispatcher.idle();
    expect([...stored.entries()]).toEqual([['s2', { objectId: 's2', fetched: true }]]);
    expect(dispatcher.stats()).toMatchObject({ delivered: 3, pending: 0 });
  });

  it('refuse a client without a callback URL with 400 / 0011', async () => {
    const error = await client('stranger')
      .subscribe('students-api')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EduvApiError);
    expect(error).toMatchObject({ httpStatus: 400, eduvStatus: 11 });
  });

  it('let a test override an operation', async () => {
    server.use(notificationsOverride('listNotifications', { status: 401 }));
    const error = await client('afnemer-1')
      .list()
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ httpStatus: 401, eduvStatus: 21 });
  });

  it('reject an unknown api before calling', async () => {
    await expect(client('afnemer-1').subscribe('consent-api' as never)).rejects.toThrow(/data APIs/);
  });
});
