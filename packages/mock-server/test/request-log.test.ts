import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockApp, startMockServer, type MockServer, type RequestLogEntry } from '../src/index';
import { clientAssertion, demoToken, JWT_BEARER, requestToken } from './support/assertions';

/** The mock's clock runs with real time (client assertions carry real times), moved ahead to expire a token. */
let ahead = 0;
let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ port: 0, seed: 21, now: () => new Date(Date.now() + ahead), tokenLifetimeSeconds: 600 });
});
afterAll(() => server.close());

const tokenEndpoint = () => `${server.url}/oauth2/token`;
const studentsOf = (orgMasterId: string) => `${server.url}/students-api/v1/students/school?orgMasterId=${orgMasterId}`;

async function log(limit?: number): Promise<{ status: number; text: string; entries: RequestLogEntry[] }> {
  const response = await fetch(`${server.url}/_admin/requests${limit === undefined ? '' : `?limit=${limit}`}`);
  const text = await response.text();
  return { status: response.status, text, entries: response.ok ? (JSON.parse(text) as RequestLogEntry[]) : [] };
}

/** The entry of the last request to `path` (newest first). */
async function entryFor(path: string): Promise<RequestLogEntry> {
  const found = (await log()).entries.find((entry) => entry.path.startsWith(path));
  if (!found) throw new Error(`no log entry for ${path}`);
  return found;
}

describe('GET /_admin/requests: every request with who, what, how it ended and why it was refused', () => {
  it('a request without a token: 401 with the reason, no client', async () => {
    const school = server.world.schools[0]!;
    const sent = Date.now();
    const response = await fetch(studentsOf(school.orgMasterId));
    expect(response.status).toBe(401);
    const entry = await entryFor(`/students-api/v1/students/school?orgMasterId=${school.orgMasterId}`);
    expect(entry).toMatchObject({ api: 'students-api', method: 'GET', httpStatus: 401, eduvStatus: '0099', refusal: 'token' });
    expect(entry.reason).toContain('no bearer access token');
    expect(entry.clientId).toBeUndefined();
    expect(entry.durationMs).toBeGreaterThanOrEqual(0);
    expect(Date.parse(entry.time)).toBeGreaterThanOrEqual(sent);
    expect(Date.parse(entry.time)).toBeLessThanOrEqual(Date.now());
  });

  it('a successful call names the client from the verified token and carries no reason', async () => {
    const school = server.world.schools[0]!;
    const token = await demoToken(tokenEndpoint(), 'demo-bestelomgeving');
    expect((await fetch(studentsOf(school.orgMasterId), { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    const entry = (await log()).entries[0]!;
    expect(entry).toMatchObject({ clientId: 'demo-bestelomgeving', api: 'students-api', httpStatus: 200 });
    expect(entry.reason).toBeUndefined();
    expect(entry.eduvStatus).toBeUndefined();
  });

  it('names the missing scope, the unknown school and the school that did not activate the exchange', async () => {
    const narrow = await demoToken(tokenEndpoint(), 'demo-bestelomgeving', 'eduv.student.demographics');
    const [first, second] = server.world.schools;
    await fetch(studentsOf(first!.orgMasterId), { headers: { authorization: `Bearer ${narrow}` } });
    expect((await log()).entries[0]).toMatchObject({
      httpStatus: 401,
      eduvStatus: '0021',
      refusal: 'scope',
      reason: 'scope required: eduv.student.basic',
      clientId: 'demo-bestelomgeving',
    });

    const full = await demoToken(tokenEndpoint(), 'demo-bestelomgeving');
    await fetch(studentsOf('999ZZ99'), { headers: { authorization: `Bearer ${full}` } });
    const unknown = (await log()).entries[0]!;
    expect(unknown).toMatchObject({ refusal: 'school', httpStatus: 400 });
    expect(unknown.reason).toContain('(orgMasterId 999ZZ99)');

    const tester = await demoToken(tokenEndpoint(), 'demo-toetssysteem');
    await fetch(studentsOf(second!.orgMasterId), { headers: { authorization: `Bearer ${tester}` } });
    expect((await log()).entries[0]).toMatchObject({
      httpStatus: 403,
      eduvStatus: '0022',
      refusal: 'consent',
      clientId: 'demo-toetssysteem',
      reason: `consent required: school ${second!.orgMasterId} has not activated students-api for client demo-toetssysteem`,
    });
  });

  it('a schema error names the JSON path of the offending field', async () => {
    const token = await demoToken(tokenEndpoint(), 'demo-bestelomgeving');
    await fetch(`${server.url}/students-api/v1/students`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ school: { organisationMasterIdentifier: 42 }, student: {} }),
    });
    const entry = (await log()).entries[0]!;
    expect(entry).toMatchObject({ method: 'POST', httpStatus: 400, eduvStatus: '0011', refusal: 'schema' });
    expect(entry.reason).toContain('school.organisationMasterIdentifier');
  });

  it('an expired token is named as such', async () => {
    const token = await demoToken(tokenEndpoint(), 'demo-bestelomgeving');
    ahead = 3_600_000;
    try {
      await fetch(studentsOf(server.world.schools[0]!.orgMasterId), { headers: { authorization: `Bearer ${token}` } });
    } finally {
      ahead = 0;
    }
    expect((await log()).entries[0]).toMatchObject({ httpStatus: 401, refusal: 'token', reason: 'invalid access token: the token has expired' });
  });

  it('token requests: the client the assertion names, and why an unknown client or a bad signature was refused', async () => {
    await demoToken(tokenEndpoint(), 'demo-toetssysteem');
    expect((await log()).entries[0]).toMatchObject({ api: 'oauth', method: 'POST', path: '/oauth2/token', httpStatus: 200, clientId: 'demo-toetssysteem' });

    const unknown = await requestToken(tokenEndpoint(), {
      grant_type: 'client_credentials',
      client_assertion_type: JWT_BEARER,
      client_assertion: await clientAssertion('demo-bestelomgeving', tokenEndpoint(), { claims: { iss: 'nobody-registered', sub: 'nobody-registered' } }),
    });
    expect(unknown.status).toBe(401);
    expect((await log()).entries[0]).toMatchObject({
      httpStatus: 401,
      refusal: 'client',
      clientId: 'nobody-registered',
      reason: 'invalid_client: unknown client nobody-registered',
    });

    await requestToken(tokenEndpoint(), {
      grant_type: 'client_credentials',
      client_id: 'demo-bestelomgeving',
      client_assertion_type: JWT_BEARER,
      client_assertion: await clientAssertion('demo-bestelomgeving', tokenEndpoint(), { signWith: 'demo-dashboard' }),
    });
    const badSignature = (await log()).entries[0]!;
    expect(badSignature).toMatchObject({ httpStatus: 401, refusal: 'client', clientId: 'demo-bestelomgeving' });
    expect(badSignature.reason).toMatch(/^invalid_client: .*signature/);
  });

  it('never holds a token or an assertion: not from the Authorization header, the query or a token request body', async () => {
    const assertion = await clientAssertion('demo-bestelomgeving', tokenEndpoint());
    const { body } = await requestToken(tokenEndpoint(), {
      grant_type: 'client_credentials',
      client_id: 'demo-bestelomgeving',
      client_assertion_type: JWT_BEARER,
      client_assertion: assertion,
    });
    const token = body.access_token!;
    const school = server.world.schools[0]!.orgMasterId;
    await fetch(studentsOf(school), { headers: { authorization: `Bearer ${token}` } });
    await fetch(`${studentsOf(school)}&access_token=${token}&client_secret=hunter2`);
    await fetch(`${server.url}/no-such-api/${token}`);
    const { text, entries } = await log();
    expect(text).not.toContain(token);
    expect(text).not.toContain(assertion);
    expect(text).not.toContain(token.split('.')[2]);
    expect(text).not.toContain('hunter2');
    expect(entries[1]!.path).toBe(`/students-api/v1/students/school?orgMasterId=${school}&access_token=[redacted]&client_secret=[redacted]`);
    expect(entries[0]!.path).toBe('/no-such-api/[redacted]');
  });

  it('records admin routes, but not the console reading its own log', async () => {
    await fetch(`${server.url}/_admin/consents`);
    await log();
    await fetch(`${server.url}/_admin`);
    const entries = (await log()).entries;
    expect(entries[0]).toMatchObject({ api: 'admin', method: 'GET', path: '/_admin/consents', httpStatus: 200 });
    expect(entries.some((entry) => entry.path.startsWith('/_admin/requests') || entry.path === '/_admin')).toBe(false);
  });

  it('is newest first and bounded by ?limit=; a bad limit is a StatusResponse naming it', async () => {
    for (const path of ['/one', '/two', '/three']) await fetch(`${server.url}${path}`);
    const { entries } = await log(2);
    expect(entries.map((entry) => entry.path)).toEqual(['/three', '/two']);
    expect(entries[0]!.id).toBe(entries[1]!.id + 1);
    for (const limit of ['0', '-1', '1.5', 'x', '1001']) {
      const response = await fetch(`${server.url}/_admin/requests?limit=${limit}`);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ status: 11, statusMessage: expect.stringContaining('query parameter "limit"') });
    }
  });
});

describe('the request log is a bounded ring', () => {
  it('keeps only the last requestLogSize requests', async () => {
    const small = await startMockServer({ port: 0, seed: 3, requestLogSize: 5 });
    try {
      for (let index = 1; index <= 8; index++) await fetch(`${small.url}/path-${index}`);
      const entries = (await (await fetch(`${small.url}/_admin/requests`)).json()) as RequestLogEntry[];
      expect(entries.map((entry) => entry.path)).toEqual(['/path-8', '/path-7', '/path-6', '/path-5', '/path-4']);
      expect(small.requests.list(2)).toEqual(entries.slice(0, 2));
      expect((await fetch(`${small.url}/_admin/requests`, { method: 'DELETE' })).status).toBe(204);
      const afterClear = (await (await fetch(`${small.url}/_admin/requests`)).json()) as RequestLogEntry[];
      expect(afterClear.map((entry) => `${entry.method} ${entry.path} ${entry.httpStatus}`)).toEqual(['DELETE /_admin/requests 204']);
    } finally {
      await small.close();
    }
  });
});

describe('the mock in process answers a read at once', () => {
  it('gives the answer itself for a read whose token was verified before, and logs it at once', async () => {
    const issuer = 'http://127.0.0.1:4010';
    const app = await createMockApp(issuer, { seed: 21 });
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: 'demo-bestelomgeving',
      client_assertion_type: JWT_BEARER,
      client_assertion: await clientAssertion('demo-bestelomgeving', `${issuer}/oauth2/token`),
    });
    const issued = await app.handler(new Request(`${issuer}/oauth2/token`, { method: 'POST', body: form }));
    const token = ((await issued.json()) as { access_token: string }).access_token;
    const school = app.world.schools.find((candidate) => candidate.sector === 'vo')!.orgMasterId;
    const read = () =>
      app.answer(new Request(`http://127.0.0.1:4010/education-api/v1/organisations?orgMasterId=${school}`, { headers: { authorization: `Bearer ${token}` } }));
    const first = await read();
    expect(first.status).toBe(200);
    const second = read();
    expect('then' in second).toBe(false);
    expect((second as { status: number }).status).toBe(200);
    expect(app.requests.list(1)[0]).toMatchObject({ api: 'education-api', httpStatus: 200, clientId: 'demo-bestelomgeving' });
  });
});
