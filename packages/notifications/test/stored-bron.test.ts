import { BronError, type CallerContext } from '@eduvkit/core/server';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createInMemoryNotificationStore,
  createNotificationsBron,
  createStoredNotificationDispatcher,
  createStoredNotificationLog,
  type StoredNotificationDispatcher,
} from '../src/index';
import { SCHOOL_A, notification } from './helpers';

const BASE = 'https://bron.example/notifications-api/v0';
const CALLBACKS: Record<string, string> = { 'afnemer-1': 'https://afnemer-1.example/notifications-api/v0', misconfigured: 'mailto:ops@afnemer.example' };
const authenticate = (request: Request): CallerContext => {
  const clientId = /^Bearer (\S+)$/.exec(request.headers.get('authorization') ?? '')?.[1];
  if (!clientId) throw BronError.unauthenticated('no token');
  return { clientId, scopes: 'all' };
};

const dispatchers: StoredNotificationDispatcher[] = [];
afterEach(async () => {
  await Promise.all(dispatchers.splice(0).map((dispatcher) => dispatcher.close()));
});

describe('createNotificationsBron on a notification store', () => {
  it('subscribes into the store and lists the caller’s notifications from it; a bad callback URL is a 400', async () => {
    const store = createInMemoryNotificationStore();
    const log = createStoredNotificationLog({ store });
    const dispatcher = createStoredNotificationDispatcher({ store, isAllowed: () => true, fetch: async () => new Response(null, { status: 202 }) });
    dispatchers.push(dispatcher);
    const bron = createNotificationsBron(
      { log, dispatcher, callbackUrlOf: (clientId) => CALLBACKS[clientId] },
      { authenticate, basePath: '/notifications-api/v0' },
    );
    const call = async (method: string, path: string, clientId: string) => {
      const response = (await bron.handle(new Request(`${BASE}${path}`, { method, headers: { authorization: `Bearer ${clientId}` } })))!;
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
    };

    expect((await call('POST', '/subscribe/students-api', 'afnemer-1')).status).toBe(200);
    expect(await store.subscriptions()).toEqual([{ clientId: 'afnemer-1', api: 'students-api', callbackUrl: CALLBACKS['afnemer-1'], cursor: 0 }]);
    const student = await log.append({ ...notification(), api: 'students-api' });
    await log.append({ ...notification({ objectType: 'Employee', school: { organisationMasterIdentifier: SCHOOL_A } }), api: 'employees-api' });
    const listed = await call('GET', '/notifications', 'afnemer-1');
    expect(listed.status).toBe(200);
    expect((listed.body as { id: string }[]).map((entry) => entry.id)).toEqual([student.id]);

    const refused = await call('POST', '/subscribe/students-api', 'misconfigured');
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ status: 11 });
  });
});
