import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../src/index';
import { demoToken } from './support/assertions';

let server: MockServer;
let tokenEndpoint: string;
beforeAll(async () => {
  server = await startMockServer({ port: 0, seed: 4 });
  tokenEndpoint = `${server.url}/oauth2/token`;
});
afterAll(() => server.close());

const students = async (token: string, orgMasterId: string) => {
  const response = await fetch(`${server.url}/students-api/v1/students/school?orgMasterId=${orgMasterId}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown>[] & { status?: number; statusMessage?: string } };
};
const setConsent = (body: unknown) =>
  fetch(`${server.url}/_admin/consents`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('consent (activation) at the mock bron', () => {
  it('lets data flow only for schools that activated the exchange for this client', async () => {
    const [first, second] = server.world.schools;
    const token = await demoToken(tokenEndpoint, 'demo-toetssysteem');
    expect((await students(token, first!.orgMasterId)).status).toBe(200);
    const refused = await students(token, second!.orgMasterId);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ status: 22, statusMessage: expect.stringContaining('demo-toetssysteem') });
  });

  it('follows activation and deactivation through the admin endpoint', async () => {
    const school = server.world.schools[1]!;
    const token = await demoToken(tokenEndpoint, 'demo-toetssysteem');
    const key = { clientId: 'demo-toetssysteem', orgMasterId: school.orgMasterId, api: 'students-api' };
    expect((await setConsent({ ...key, active: true })).status).toBe(200);
    expect((await students(token, school.orgMasterId)).status).toBe(200);
    expect((await setConsent({ ...key, active: false })).status).toBe(200);
    expect((await students(token, school.orgMasterId)).status).toBe(403);
  });

  it('names the offending field when an admin change is malformed', async () => {
    const response = await setConsent({ clientId: 'demo-toetssysteem', api: 'students-api', active: 'yes' });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { statusMessage: string };
    expect(body.statusMessage).toContain('"orgMasterId"');
    expect(body.statusMessage).toContain('"active"');
    const unknown = await setConsent({ clientId: 'nobody', orgMasterId: server.world.schools[0]!.orgMasterId, api: 'students-api', active: true });
    expect(((await unknown.json()) as { statusMessage: string }).statusMessage).toContain('"clientId"');
  });
});

describe('scopes at the mock bron', () => {
  it('releases attribute groups only with their scope', async () => {
    const school = server.world.schools[0]!;
    const basic = await students(await demoToken(tokenEndpoint, 'demo-bestelomgeving', 'eduv.student.basic'), school.orgMasterId);
    expect(basic.status).toBe(200);
    expect(basic.body.every((student) => !('dateOfBirth' in student) && !('deliveryAddress' in student) && 'familyName' in student)).toBe(true);
    const full = await students(
      await demoToken(tokenEndpoint, 'demo-bestelomgeving', 'eduv.student.basic eduv.student.demographics eduv.student.deliveryaddress'),
      school.orgMasterId,
    );
    expect(full.body.some((student) => 'dateOfBirth' in student && 'deliveryAddress' in student)).toBe(true);
    expect(full.body.every((student) => !('email' in student))).toBe(true);
  });

  it('refuses a token without the operation scope with 401 / 0021', async () => {
    const token = await demoToken(tokenEndpoint, 'demo-bestelomgeving', 'eduv.student.demographics');
    const refused = await students(token, server.world.schools[0]!.orgMasterId);
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ status: 21, statusMessage: expect.stringContaining('eduv.student.basic') });
  });
});
