import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { createAccessTokenVerifier } from '@eduvkit/core/server';
import { createRemoteJWKSet } from 'jose';
import { createNotificationReceiver, createNotificationsClient, type Notification } from '@eduvkit/notifications';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer, type ObjectChange } from '../src/index';
import { demoTokenProvider } from './support/token-provider';

/** A consumer's receiver on 127.0.0.1 that refuses its first `failures` deliveries and is down before it starts. */
async function startReceiver(failures: number, clientId: string) {
  const received: Notification[] = [];
  let refused = 0;
  const receiver = createNotificationReceiver({
    // The consumer checks that pushes come from the bron: a token of the bron's authorization server, meant for it.
    authenticate: createAccessTokenVerifier({ issuer: mock.url, audience: clientId, keys: createRemoteJWKSet(new URL(`${mock.url}/oauth2/jwks`)) }),
    onNotifications: (batch) => {
      if (refused < failures) {
        refused += 1;
        throw new Error('receiver not ready yet');
      }
      received.push(...batch);
    },
  });
  const forward = async (incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> => {
    const request = new Request(`http://127.0.0.1${incoming.url}`, {
      method: incoming.method,
      headers: incoming.headers as Record<string, string>,
      body: Readable.toWeb(incoming) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
    const response = (await receiver.handle(request)) ?? new Response(null, { status: 404 });
    outgoing.writeHead(response.status, Object.fromEntries(response.headers));
    outgoing.end(Buffer.from(await response.arrayBuffer()));
  };
  // A request that cannot be forwarded drops the connection, so the bron's delivery sees a failure.
  const server: Server = createServer((incoming, outgoing) => void forward(incoming, outgoing).catch((error: Error) => outgoing.destroy(error)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // The receiver answers under the API's base path, like every eduvkit endpoint; that is the callback URL.
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${receiver.basePath}`;
  return { url, received, refusedCount: () => refused, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

let mock: MockServer;
const changes: ObjectChange[] = [];
beforeAll(async () => {
  mock = await startMockServer({ port: 0, seed: 14 });
  mock.onWorldChange((change) => changes.push(...change.objects));
});
afterAll(() => mock.close());

const admin = (method: string, path: string, body?: unknown) =>
  fetch(`${mock.url}/_admin${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

describe('notifications from the mock to a real receiver', () => {
  it('survive a failing receiver: every change arrives, in created order, only for schools with consent', async () => {
    const full = await startReceiver(3, 'demo-bestelomgeving');
    const partial = await startReceiver(0, 'demo-toetssysteem');
    expect((await admin('PUT', '/clients/demo-bestelomgeving/callback', { url: full.url })).status).toBe(204);
    expect((await admin('PUT', '/clients/demo-toetssysteem/callback', { url: partial.url })).status).toBe(204);
    const bestel = demoTokenProvider(mock, 'demo-bestelomgeving');
    const toets = demoTokenProvider(mock, 'demo-toetssysteem');
    for (const api of ['students-api', 'association-api'] as const) {
      await createNotificationsClient({ baseUrl: `${mock.url}/notifications-api/v0`, tokenProvider: bestel }).subscribe(api);
    }
    await createNotificationsClient({ baseUrl: `${mock.url}/notifications-api/v0`, tokenProvider: toets }).subscribe('students-api');

    const [first, second] = mock.world.schools;
    const added = (await (await admin('POST', `/schools/${first!.orgMasterId}/students`, { familyName: 'Smit' })).json()) as {
      student: { userMasterIdentifier: string };
    };
    const key = encodeURIComponent(added.student.userMasterIdentifier);
    await admin('PATCH', `/schools/${first!.orgMasterId}/students/${key}`, { givenName: 'Sanne' });
    await admin('POST', `/schools/${first!.orgMasterId}/students/${key}/move`, { toOrgMasterId: second!.orgMasterId });
    await admin('DELETE', `/schools/${second!.orgMasterId}/students/${key}`);
    await mock.notifications.dispatcher.idle();

    const subscribed = mock.notifications.log.list({}).filter((notification) => ['students-api', 'association-api'].includes(notification.api));
    expect(full.refusedCount()).toBe(3);
    // Each subscription (client + API) is its own ordered stream: per API, exactly the log, in created order.
    const apiOf = (notification: Notification) => (notification.objectType === 'Student' ? 'students-api' : 'association-api');
    for (const api of ['students-api', 'association-api']) {
      const stream = full.received.filter((notification) => apiOf(notification) === api);
      expect(stream.map((notification) => notification.id)).toEqual(
        subscribed.filter((notification) => notification.api === api).map((notification) => notification.id),
      );
      const created = stream.map((notification) => Date.parse(notification.created));
      expect([...created].sort((a, b) => a - b)).toEqual(created);
    }
    expect(full.received).toHaveLength(subscribed.length);
    const studentChanges = changes.filter((change) => change.api === 'students-api');
    expect(full.received.filter((notification) => notification.objectType === 'Student').map((n) => [n.objectId, n.isDeleteNotification === true])).toEqual(
      studentChanges.map((change) => [change.objectId, change.kind === 'deleted']),
    );
    expect(full.received.at(-1)).toBeDefined();

    // demo-toetssysteem has consent at the first school only: it hears nothing about the second.
    expect(partial.received.length).toBeGreaterThan(0);
    expect(partial.received.every((notification) => notification.school?.organisationMasterIdentifier === first!.orgMasterId)).toBe(true);
    expect(partial.received.every((notification) => notification.objectType === 'Student')).toBe(true);

    // The url of an object notification is where the consumer fetches the object (scope and consent apply).
    const groupChange = full.received.find((notification) => notification.objectType === 'Group' && notification.url)!;
    const fetched = await fetch(groupChange.url!, { headers: { authorization: `Bearer ${await bestel.getToken({ scopes: ['eduv.association'] })}` } });
    expect(fetched.status).toBe(200);
    expect(((await fetched.json()) as { groupId: string }).groupId).toBe(groupChange.objectId);

    await Promise.all([bestel.close(), toets.close(), full.close(), partial.close()]);
  });

  it('serves its log for GET /notifications, so a consumer can catch up with since', async () => {
    const tokenProvider = demoTokenProvider(mock, 'demo-bestelomgeving');
    const client = createNotificationsClient({ baseUrl: `${mock.url}/notifications-api/v0`, tokenProvider });
    const { data: everything } = await client.list({});
    expect(everything.length).toBeGreaterThan(0);
    const middle = everything[Math.floor(everything.length / 2)]!;
    const { data: after } = await client.list({ since: middle.created });
    expect(after.map((notification) => notification.id)).toEqual(
      everything.filter((notification) => notification.created > middle.created).map((notification) => notification.id),
    );
    await tokenProvider.close();
  });

  it('serves GET /notifications only for schools that activated the API for the caller', async () => {
    // demo-toetssysteem subscribed to students-api above and has consent at the first school only.
    const tokenProvider = demoTokenProvider(mock, 'demo-toetssysteem');
    const client = createNotificationsClient({ baseUrl: `${mock.url}/notifications-api/v0`, tokenProvider });
    const [first, second] = mock.world.schools;
    const logged = mock.notifications.log.list({}).filter((notification) => notification.api === 'students-api');
    expect(logged.some((notification) => notification.orgMasterId === second!.orgMasterId)).toBe(true);
    const { data } = await client.list({});
    expect(data.map((notification) => notification.id)).toEqual(
      logged.filter((notification) => notification.orgMasterId === first!.orgMasterId).map((notification) => notification.id),
    );
    await tokenProvider.close();
  });
});

describe('the notification log of the mock', () => {
  it('keeps the newest notificationLogSize notifications for GET /notifications and drops older ones', async () => {
    const small = await startMockServer({ port: 0, seed: 14, notificationLogSize: 4 });
    const receiver = createServer((incoming, outgoing) => incoming.resume().on('end', () => outgoing.writeHead(204).end()));
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const tokenProvider = demoTokenProvider(small, 'demo-bestelomgeving');
    try {
      const callback = await fetch(`${small.url}/_admin/clients/demo-bestelomgeving/callback`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/notifications-api/v0` }),
      });
      expect(callback.status).toBe(204);
      const client = createNotificationsClient({ baseUrl: `${small.url}/notifications-api/v0`, tokenProvider });
      await client.subscribe('students-api');
      const school = small.world.schools[0]!;
      const students = small.world.students
        .get(school.orgMasterId)!
        .map((record) => record.student.userMasterIdentifier)
        .filter((id): id is string => id !== undefined)
        .slice(0, 6);
      for (const [index, student] of students.entries()) {
        const key = encodeURIComponent(student);
        const patched = await fetch(`${small.url}/_admin/schools/${school.orgMasterId}/students/${key}`, {
          method: 'PATCH',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ givenName: `Kim${index}` }),
        });
        expect(patched.status).toBe(200);
      }
      expect(students).toHaveLength(6);
      const { data } = await client.list({});
      expect(data.map((notification) => notification.objectId)).toEqual(students.slice(2));
      expect(small.notifications.log.after(0).map((notification) => notification.sequence)).toEqual([3, 4, 5, 6]);
    } finally {
      await tokenProvider.close();
      await small.close();
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  });
});
