import { EduvConfigError } from '@eduvkit/core';
import { BronError } from '@eduvkit/core/server';
import { describe, expect, it } from 'vitest';
import { createNotificationReceiver, type Notification } from '../src/index';
import { notification } from './helpers';

const BASE = 'https://afnemer.example/notifications-api/v0';

function post(path: string, body: unknown, headers: Record<string, string> = { authorization: 'Bearer producer' }): Request {
  return new Request(`${BASE}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

function recorder() {
  const batches: Notification[][] = [];
  const receiver = createNotificationReceiver({ dangerouslyAcceptAnyToken: true, onNotifications: (batch) => void batches.push(batch) });
  return { batches, receiver };
}

describe('createNotificationReceiver', () => {
  it('hands a batch over sorted by created (stable) and answers 202 without a body', async () => {
    const { batches, receiver } = recorder();
    const late = notification({ created: '2024-09-27T10:05:00Z' });
    const early = notification({ created: '2024-09-27T10:01:00Z' });
    const tieFirst = notification({ created: '2024-09-27T10:03:00Z' });
    const tieSecond = notification({ created: '2024-09-27T10:03:00.000Z' });
    const response = await receiver.handle(post('/notifications', [late, tieFirst, early, tieSecond]));
    expect(response?.status).toBe(202);
    expect(await response?.text()).toBe('');
    expect(response?.headers.get('API-Version')).toBe('0.9.1');
    expect(batches).toEqual([[early, tieFirst, tieSecond, late]]);
  });

  it('accepts one notification on POST /notification', async () => {
    const { batches, receiver } = recorder();
    const one = notification({ notificationType: 'bulk', objectId: undefined, school: undefined });
    expect((await receiver.handle(post('/notification', one)))?.status).toBe(202);
    expect(batches).toEqual([[one]]);
  });

  it('de-duplicates on id: across deliveries and within one batch', async () => {
    const { batches, receiver } = recorder();
    const a = notification({ created: '2024-09-27T10:00:00Z' });
    const b = notification({ created: '2024-09-27T10:01:00Z' });
    const c = notification({ created: '2024-09-27T10:02:00Z' });
    expect((await receiver.handle(post('/notifications', [a, b, a])))?.status).toBe(202);
    expect((await receiver.handle(post('/notifications', [a, b, c])))?.status).toBe(202);
    expect((await receiver.handle(post('/notification', c)))?.status).toBe(202);
    expect(batches).toEqual([[a, b], [c]]);
  });

  it('forgets the oldest ids beyond rememberIds', async () => {
    const batches: Notification[][] = [];
    const receiver = createNotificationReceiver({ dangerouslyAcceptAnyToken: true, onNotifications: (batch) => void batches.push(batch), rememberIds: 2 });
    const [a, b, c] = [notification(), notification(), notification()];
    await receiver.handle(post('/notifications', [a, b, c]));
    await receiver.handle(post('/notifications', [a]));
    expect(batches.at(-1)).toEqual([a]);
  });

  it('refuses a rememberIds that is not a positive integer', () => {
    for (const rememberIds of [0, 1.5]) {
      const create = () => createNotificationReceiver({ dangerouslyAcceptAnyToken: true, onNotifications: () => {}, rememberIds });
      expect(create).toThrow(EduvConfigError);
      expect(create).toThrow(`rememberIds must be a positive integer, got ${rememberIds}`);
    }
  });

  it('refuses a malformed body with 400 / 0011 naming the field', async () => {
    const { batches, receiver } = recorder();
    const bad = { ...notification(), created: '27-09-2024' } as unknown;
    const response = await receiver.handle(post('/notifications', [notification(), bad]));
    expect(response?.status).toBe(400);
    const body = (await response?.json()) as { status: number; statusMessage: string };
    expect(body.status).toBe(11);
    expect(body.statusMessage).toContain('"[1].created"');
    const missing = await receiver.handle(post('/notification', { notificationType: 'object', objectType: 'Student', created: '2024-09-27T10:00:00Z' }));
    expect(await missing?.json()).toMatchObject({ status: 11, statusMessage: expect.stringContaining('"id"') });
    const wrongSchool = await receiver.handle(
      post('/notification', notification({ school: { organisationIds: [{ organisationId: '09QQ00', organisationIdType: 'V_ID' as never }] } })),
    );
    expect(await wrongSchool?.json()).toMatchObject({ status: 11, statusMessage: expect.stringContaining('organisationIdType') });
    expect(batches).toEqual([]);
  });

  it('answers 500 with a StatusResponse when onNotifications fails, and processes the redelivery', async () => {
    let fail = true;
    const batches: Notification[][] = [];
    const errors: unknown[] = [];
    const receiver = createNotificationReceiver({
      dangerouslyAcceptAnyToken: true,
      onNotifications: async (batch) => {
        if (fail) throw new Error('database down');
        batches.push(batch);
      },
      onError: (error) => errors.push(error),
    });
    const batch = [notification(), notification()];
    const failed = await receiver.handle(post('/notifications', batch));
    expect(failed?.status).toBe(500);
    expect(await failed?.json()).toMatchObject({ status: 99, statusMessage: expect.stringContaining('send them again') });
    expect(errors).toHaveLength(1);
    fail = false;
    expect((await receiver.handle(post('/notifications', batch)))?.status).toBe(202);
    expect(batches).toEqual([batch]);
  });

  it('processes concurrent deliveries one at a time, in arrival order', async () => {
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const receiver = createNotificationReceiver({
      dangerouslyAcceptAnyToken: true,
      onNotifications: async (batch) => {
        order.push(`start ${batch[0]!.objectId}`);
        if (batch[0]!.objectId === 'first') await gate;
        order.push(`end ${batch[0]!.objectId}`);
      },
    });
    const first = receiver.handle(post('/notification', notification({ objectId: 'first' })));
    const second = receiver.handle(post('/notification', notification({ objectId: 'second' })));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(order).toEqual(['start first']);
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['start first', 'end first', 'start second', 'end second']);
  });

  it('answers the producer endpoints with 405 naming the producer role, before checking the token', async () => {
    const { receiver } = recorder();
    const subscribe = await receiver.handle(new Request(`${BASE}/subscribe/students-api`, { method: 'POST' }));
    expect(subscribe?.status).toBe(405);
    expect(await subscribe?.json()).toEqual({
      status: 99,
      statusMessage: 'Method Not Allowed - Administratiesysteem onderwijsdeelnemer is provider of this endpoint',
    });
    const list = await receiver.handle(new Request(`${BASE}/notifications?since=nonsense`));
    expect(list?.status).toBe(405);
    expect(list?.headers.get('allow')).toBe('POST');
  });

  it('needs a bearer token when accepting any, takes a custom authenticate, and ignores paths outside its base path', async () => {
    const { receiver } = recorder();
    expect((await receiver.handle(post('/notification', notification(), {})))?.status).toBe(401);
    expect(await receiver.handle(new Request('https://afnemer.example/other'))).toBeUndefined();
    const strict = createNotificationReceiver({
      onNotifications: () => undefined,
      basePath: '/hooks/edu-v/',
      authenticate: (request) => {
        if (request.headers.get('authorization') !== 'Bearer good') throw BronError.unauthenticated('bad token');
        return { clientId: 'producer', scopes: 'all' };
      },
    });
    expect(strict.basePath).toBe('/hooks/edu-v');
    const request = (token: string) =>
      new Request('https://afnemer.example/hooks/edu-v/notification', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(notification()),
      });
    expect((await strict.handle(request('bad')))?.status).toBe(401);
    expect((await strict.handle(request('good')))?.status).toBe(202);
  });
});
