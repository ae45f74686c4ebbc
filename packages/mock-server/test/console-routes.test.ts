import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type Delivery, type MockServer } from '../src/index';
import { demoToken } from './support/assertions';

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ port: 0, seed: 8 });
});
afterAll(() => server.close());

const getJson = async <T>(path: string): Promise<{ status: number; body: T; text: string }> => {
  const response = await fetch(`${server.url}${path}`);
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as T, text };
};

describe('the JSON behind the developer console', () => {
  it('GET /_admin/world: every school with its number of students and staff; one school by name', async () => {
    const { body } = await getJson<{ schools: { orgMasterId: string; students: number; employees: number }[] }>('/_admin/world');
    expect(body.schools.map((school) => [school.orgMasterId, school.students, school.employees])).toEqual(
      server.world.schools.map((school) => [
        school.orgMasterId,
        server.world.students.get(school.orgMasterId)!.length,
        server.world.employees.get(school.orgMasterId)!.length,
      ]),
    );
    const school = server.world.schools[2]!;
    const people = await getJson<{ students: { name: string; eckId?: string }[]; employees: { name: string; roles: string[] }[] }>(
      `/_admin/world/schools/${school.orgMasterId}?limit=5`,
    );
    expect(people.body.students).toHaveLength(5);
    const first = server.world.students.get(school.orgMasterId)![0]!.student;
    expect(people.body.students[0]!.name).toContain(first.familyName);
    expect(people.body.students[0]!.eckId).toBe(first.userMasterIdentifier);
    expect(people.body.employees[0]!.roles.length).toBeGreaterThan(0);
  });

  it('refuses an unknown school, a bad limit, bad percent-encoding and other methods with StatusResponses', async () => {
    expect(await getJson('/_admin/world/schools/999Z999')).toMatchObject({ status: 404, body: { status: 99 } });
    expect(await getJson(`/_admin/world/schools/${server.world.schools[0]!.orgMasterId}?limit=0`)).toMatchObject({ status: 400, body: { status: 11 } });
    expect(await getJson('/_admin/world/schools/%E0%A4%A')).toMatchObject({ status: 400, body: { status: 11 } });
    expect(await getJson('/_admin/deliveries?limit=201')).toMatchObject({ status: 400, body: { statusMessage: expect.stringContaining('"limit"') } });
    for (const path of ['/_admin', '/_admin/world', '/_admin/exchanges', '/_admin/deliveries']) {
      expect((await fetch(`${server.url}${path}`, { method: 'POST' })).status).toBe(405);
    }
  });

  it('GET /_admin/exchanges is an empty list until a client sends the chain a request', async () => {
    expect(await getJson('/_admin/exchanges')).toMatchObject({ status: 200, body: [] });
  });

  it('GET /_admin/deliveries: each push with every attempt, a retry joining its delivery; no Authorization header', async () => {
    let answers = 0;
    const receiver: Server = createServer((request, response) => {
      request.resume();
      answers += 1;
      response.writeHead(answers <= 2 ? 503 : 204).end();
    });
    await new Promise<void>((listening) => receiver.listen(0, '127.0.0.1', listening));
    try {
      const { port } = receiver.address() as AddressInfo;
      const token = await demoToken(`${server.url}/oauth2/token`, 'demo-bestelomgeving');
      await fetch(`${server.url}/_admin/clients/demo-bestelomgeving/callback`, { method: 'PUT', body: JSON.stringify({ url: `http://127.0.0.1:${port}` }) });
      await fetch(`${server.url}/notifications-api/v0/subscribe/students-api`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
      await fetch(`${server.url}/_admin/schools/${server.world.schools[0]!.orgMasterId}/students`, { method: 'POST', body: '{}' });
      await server.notifications.dispatcher.idle();
      const { body, text } = await getJson<Delivery[]>('/_admin/deliveries');
      expect(body).toHaveLength(1);
      expect(body[0]).toMatchObject({ clientId: 'demo-bestelomgeving', api: 'students-api', url: `http://127.0.0.1:${port}/notifications`, delivered: true });
      expect(body[0]!.notificationIds).toHaveLength(1);
      expect(body[0]!.attempts.map((attempt) => attempt.httpStatus)).toEqual([503, 503, 204]);
      expect(text).not.toMatch(/Bearer|eyJ/);
    } finally {
      await new Promise((closed) => receiver.close(closed));
    }
  });
});
