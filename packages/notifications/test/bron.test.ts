import { BronError, type CallerContext } from '@eduvkit/core/server';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createNotificationDispatcher,
  createNotificationLog,
  createNotificationsBron,
  type NotificationDispatcher,
  type NotificationsBronOptions,
} from '../src/index';
import { SCHOOL_A, SCHOOL_B, notification } from './helpers';

const BASE = 'https://bron.example/notifications-api/v0';
const CALLBACKS: Record<string, string> = {
  'afnemer-1': 'https://afnemer-1.example/notifications-api/v0',
  'afnemer-2': 'https://afnemer-2.example/hooks',
  misconfigured: 'mailto:ops@afnemer.example',
};

/** Token "<clientId>:<scope>,<scope>"; "<clientId>:*" for every scope. */
function authenticate(request: Request): CallerContext {
  const token = /^Bearer (\S+)$/.exec(request.headers.get('authorization') ?? '')?.[1];
  if (!token) throw BronError.unauthenticated('no token');
  const [clientId = '', scopes = ''] = token.split(':');
  return { clientId, scopes: scopes === '*' ? 'all' : new Set(scopes.split(',').filter(Boolean)) };
}

const dispatchers: NotificationDispatcher[] = [];
afterEach(async () => {
  await Promise.all(dispatchers.splice(0).map((dispatcher) => dispatcher.close()));
});

function setUp(options: Partial<NotificationsBronOptions> = {}) {
  const log = createNotificationLog();
  const dispatcher = createNotificationDispatcher({ log, isAllowed: () => true, fetch: async () => new Response(null, { status: 202 }) });
  dispatchers.push(dispatcher);
  const bron = createNotificationsBron(
    { log, dispatcher, callbackUrlOf: (clientId) => CALLBACKS[clientId], ...options },
    { authenticate, basePath: '/notifications-api/v0' },
  );
  const call = async (method: string, path: string, token?: string, body?: unknown) => {
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = (await bron.handle(new Request(`${BASE}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })))!;
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined, headers: response.headers };
  };
  return { log, dispatcher, bron, call };
}

describe('createNotificationsBron: POST /subscribe/{api}', () => {
  it('subscribes the caller at its registered callback URL; 200 without a body, repeatable', async () => {
    const { dispatcher, call } = setUp();
    const first = await call('POST', '/subscribe/students-api', 'afnemer-1:eduv.student.basic');
    expect(first).toMatchObject({ status: 200, body: undefined });
    expect(first.headers.get('API-Version')).toBe('0.9.1');
    expect((await call('POST', '/subscribe/students-api', 'afnemer-1:eduv.student.basic')).status).toBe(200);
    expect((await call('POST', '/subscribe/education-api', 'afnemer-1:eduv.education,eduv.student.basic')).status).toBe(200);
    expect(dispatcher.subscriptions()).toEqual([
      { clientId: 'afnemer-1', api: 'students-api', callbackUrl: CALLBACKS['afnemer-1'] },
      { clientId: 'afnemer-1', api: 'education-api', callbackUrl: CALLBACKS['afnemer-1'] },
    ]);
  });

  it('demands the scope of the subscribed API: 401 / 0021 naming it', async () => {
    const { dispatcher, call } = setUp();
    const refused = await call('POST', '/subscribe/employees-api', 'afnemer-1:eduv.student.basic');
    expect(refused).toMatchObject({ status: 401, body: { status: 21, statusMessage: 'scope required: eduv.employee.basic' } });
    expect((await call('POST', '/subscribe/course-api', 'afnemer-1:eduv.course')).status).toBe(200);
    expect(dispatcher.subscriptions().map((s) => s.api)).toEqual(['course-api']);
  });

  it('refuses a client without a registered callback URL with 400 / 0011 saying so', async () => {
    const { call } = setUp();
    const refused = await call('POST', '/subscribe/students-api', 'stranger:*');
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ status: 11, statusMessage: expect.stringContaining('no callback URL is registered for client stranger') });
    const unusable = await call('POST', '/subscribe/students-api', 'misconfigured:*');
    expect(unusable).toMatchObject({ status: 400, body: { status: 11, statusMessage: expect.stringContaining('not usable') } });
  });

  it('validates the api path parameter, refuses APIs the producer does not offer, and needs a token naming a client', async () => {
    const { call } = setUp({ allowedApis: ['students-api'] });
    expect(await call('POST', '/subscribe/consent-api', 'afnemer-1:*')).toMatchObject({
      status: 400,
      body: { status: 11, statusMessage: expect.stringContaining('"api"') },
    });
    expect(await call('POST', '/subscribe/education-api', 'afnemer-1:*')).toMatchObject({
      status: 400,
      body: { status: 99, statusMessage: expect.stringContaining('offers students-api') },
    });
    expect((await call('POST', '/subscribe/students-api')).status).toBe(401);
    expect(await call('POST', '/subscribe/students-api', ':*')).toMatchObject({
      status: 401,
      body: { statusMessage: expect.stringContaining('names no client') },
    });
  });
});

describe('createNotificationsBron: GET /notifications', () => {
  it('lists the notifications of the APIs the caller subscribed to, oldest first, after since, by objectType, visible ones only', async () => {
    const { log, call } = setUp({ isVisible: (clientId, n) => !(clientId === 'afnemer-2' && n.orgMasterId === SCHOOL_B) });
    const at = (minute: number) => `2024-09-27T10:0${minute}:00Z`;
    const schoolA = { organisationMasterIdentifier: SCHOOL_A };
    const schoolB = { organisationMasterIdentifier: SCHOOL_B };
    log.append({ api: 'students-api', notificationType: 'object', objectType: 'Student', objectId: 's1', school: schoolA, created: at(1) });
    log.append({ api: 'association-api', notificationType: 'object', objectType: 'Group', objectId: 'g1', school: schoolA, created: at(2) });
    log.append({ api: 'students-api', notificationType: 'object', objectType: 'Student', objectId: 's2', school: schoolB, created: at(3) });
    log.append({ api: 'association-api', notificationType: 'bulk', objectType: 'Enrollment', school: schoolB, created: at(4) });

    expect(await call('GET', '/notifications', 'afnemer-1:*')).toMatchObject({ status: 200, body: [] });
    await call('POST', '/subscribe/students-api', 'afnemer-1:*');
    await call('POST', '/subscribe/association-api', 'afnemer-1:*');
    await call('POST', '/subscribe/association-api', 'afnemer-2:*');

    const all = await call('GET', '/notifications', 'afnemer-1:*');
    expect((all.body as { objectId?: string; objectType: string }[]).map((n) => n.objectId ?? n.objectType)).toEqual(['s1', 'g1', 's2', 'Enrollment']);
    expect((all.body as object[])[0]).toEqual({
      id: log.list()[0]!.id,
      notificationType: 'object',
      objectType: 'Student',
      objectId: 's1',
      school: schoolA,
      created: at(1),
    });
    const since = await call('GET', `/notifications?since=${encodeURIComponent(at(2))}`, 'afnemer-1:*');
    expect((since.body as { created: string }[]).map((n) => n.created)).toEqual([at(3), at(4)]);
    const students = await call('GET', '/notifications?objectType=Student', 'afnemer-1:*');
    expect((students.body as { objectId: string }[]).map((n) => n.objectId)).toEqual(['s1', 's2']);
    const scoped = await call('GET', '/notifications', 'afnemer-1:eduv.association');
    expect((scoped.body as { objectType: string }[]).map((n) => n.objectType)).toEqual(['Group', 'Enrollment']);
    const other = await call('GET', '/notifications', 'afnemer-2:*');
    expect((other.body as { objectId?: string }[]).map((n) => n.objectId)).toEqual(['g1']);
  });

  it('refuses a token with none of the data API scopes (401 / 0021) and a malformed since (400 / 0011)', async () => {
    const { call } = setUp();
    expect(await call('GET', '/notifications', 'afnemer-1:consent')).toMatchObject({
      status: 401,
      body: { status: 21, statusMessage: expect.stringContaining('one of') },
    });
    expect(await call('GET', '/notifications?since=yesterday', 'afnemer-1:*')).toMatchObject({
      status: 400,
      body: { status: 11, statusMessage: expect.stringContaining('"since"') },
    });
  });
});

describe('createNotificationsBron: consumer endpoints', () => {
  it('answers 405 naming the consumer role, before the token and the body are checked', async () => {
    const { call } = setUp();
    const many = await call('POST', '/notifications', undefined, [{ not: 'a notification' }]);
    expect(many).toMatchObject({ status: 405, body: { status: 99, statusMessage: 'Method Not Allowed - Afnemer is provider of this endpoint' } });
    expect(many.headers.get('allow')).toBe('GET');
    const one = await call('POST', '/notification', 'afnemer-1:*', notification());
    expect(one.status).toBe(405);
    expect(one.headers.get('allow')).toBe('');
  });
});
