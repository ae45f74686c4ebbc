import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createNotificationDispatcher, createNotificationLog, createNotificationsClient, createNotificationSync, type Notification } from '../src/index';
import { DEFAULT_NOTIFICATIONS_BASE_URL, notificationsHandlers } from '../src/msw/index';
import { SCHOOL_A, notification } from './helpers';

function recordingSync(options: { fetchObject?: (n: Notification) => Promise<unknown> } = {}) {
  const events: string[] = [];
  const sync = createNotificationSync({
    fetchObject: options.fetchObject ?? (async (n) => ({ id: n.objectId })),
    onUpsert: (n, object) => void events.push(`upsert ${n.objectId} ${JSON.stringify(object)}`),
    onDelete: (n) => void events.push(`delete ${n.objectId}`),
    onBulk: (n) => void events.push(`bulk ${n.objectType} ${n.school?.organisationMasterIdentifier}`),
    onMissing: (n) => void events.push(`missing ${n.objectId}`),
  });
  return { events, sync };
}

describe('createNotificationSync.apply', () => {
  it('applies in created order: fetch + upsert, delete, bulk, missing', async () => {
    const { events, sync } = recordingSync({ fetchObject: async (n) => (n.objectId === 'gone' ? undefined : { id: n.objectId }) });
    await sync.apply([
      notification({ objectId: 's2', created: '2024-09-27T10:02:00Z', isDeleteNotification: true }),
      notification({ objectId: 's1', created: '2024-09-27T10:00:00Z' }),
      notification({ notificationType: 'bulk', objectType: 'Student', objectId: undefined, created: '2024-09-27T10:03:00Z' }),
      notification({ objectId: 's2', created: '2024-09-27T10:01:00Z' }),
      notification({ objectId: 'gone', created: '2024-09-27T10:04:00Z' }),
    ]);
    expect(events).toEqual(['upsert s1 {"id":"s1"}', 'upsert s2 {"id":"s2"}', 'delete s2', `bulk Student ${SCHOOL_A}`, 'missing gone']);
    expect(sync.cursor).toBe('2024-09-27T10:04:00Z');
  });

  it('skips notifications it applied before and stops at a failure, keeping the cursor at the last applied', async () => {
    let failOn: string | undefined = 's2';
    const applied: string[] = [];
    const sync = createNotificationSync({
      fetchObject: async (n) => {
        if (n.objectId === failOn) throw new Error('data API down');
        return {};
      },
      onUpsert: (n) => void applied.push(n.objectId!),
      onDelete: () => undefined,
      onBulk: () => undefined,
      cursor: '2024-09-27T09:00:00Z',
    });
    const batch = [
      notification({ objectId: 's1', created: '2024-09-27T10:00:00Z' }),
      notification({ objectId: 's2', created: '2024-09-27T10:01:00Z' }),
      notification({ objectId: 's3', created: '2024-09-27T10:02:00Z' }),
    ];
    await expect(sync.apply(batch)).rejects.toThrow('data API down');
    expect(applied).toEqual(['s1']);
    expect(sync.cursor).toBe('2024-09-27T10:00:00Z');
    failOn = undefined;
    await sync.apply(batch);
    expect(applied).toEqual(['s1', 's2', 's3']);
    expect(sync.cursor).toBe('2024-09-27T10:02:00Z');
  });

  it('needs a client for catchUp and a date-time cursor', async () => {
    const { sync } = recordingSync();
    await expect(sync.catchUp()).rejects.toThrow(/client/);
    expect(() => createNotificationSync({ fetchObject: async () => ({}), onUpsert() {}, onDelete() {}, onBulk() {}, cursor: 'yesterday' })).toThrow(/cursor/);
  });
});

describe('catching up through MSW', () => {
  const log = createNotificationLog();
  const dispatcher = createNotificationDispatcher({ log, isAllowed: () => true, fetch: async () => new Response(null, { status: 202 }) });
  const server = setupServer(...notificationsHandlers({ log, dispatcher, callbackUrls: { 'afnemer-1': 'https://afnemer.example/notifications-api/v0' } }));
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(async () => {
    server.close();
    await dispatcher.close();
  });

  it('subscribes, then reads everything created after the cursor and applies it in order', async () => {
    const scopesAsked: (readonly string[])[] = [];
    const client = createNotificationsClient({
      baseUrl: DEFAULT_NOTIFICATIONS_BASE_URL,
      tokenProvider: {
        getToken: async ({ scopes }) => {
          scopesAsked.push(scopes);
          return 'afnemer-1';
        },
      },
      validation: 'strict',
    });
    const subscribed = await client.subscribe('students-api');
    expect(subscribed.httpStatus).toBe(200);
    expect(subscribed.apiVersion).toBe('0.9.1');
    expect(scopesAsked).toEqual([['eduv.student.basic']]);

    const school = { organisationMasterIdentifier: SCHOOL_A };
    const append = (objectId: string, extra: object = {}) =>
      log.append({ api: 'students-api', notificationType: 'object', objectType: 'Student', objectId, school, ...extra });
    append('s1');
    append('s2');
    log.append({ api: 'employees-api', notificationType: 'object', objectType: 'Employee', objectId: 'e1', school });
    append('s1', { isDeleteNotification: true });

    const events: string[] = [];
    const sync = createNotificationSync({ ...syncCallbacks(events), client });
    expect(await sync.catchUp()).toBe(3);
    expect(events).toEqual(['upsert s1 {"id":"s1"}', 'upsert s2 {"id":"s2"}', 'delete s1']);
    expect(scopesAsked.at(-1)).toEqual([]);

    append('s3');
    expect(await sync.catchUp()).toBe(1);
    expect(await sync.catchUp()).toBe(0);
    expect(events.at(-1)).toBe('upsert s3 {"id":"s3"}');
    expect(sync.cursor).toBe(log.list().at(-1)!.created);

    const { data } = await client.list({ objectType: 'Student', since: new Date(Date.parse(log.list()[0]!.created)) });
    expect(data.map((n) => n.objectId)).toEqual(['s2', 's1', 's3']);
    expect(data[0]).not.toHaveProperty('sequence');
  });
});

function syncCallbacks(events: string[]) {
  return {
    fetchObject: async (n: Notification) => ({ id: n.objectId }),
    onUpsert: (n: Notification, object: unknown) => void events.push(`upsert ${n.objectId} ${JSON.stringify(object)}`),
    onDelete: (n: Notification) => void events.push(`delete ${n.objectId}`),
    onBulk: (n: Notification) => void events.push(`bulk ${n.objectType}`),
  };
}
