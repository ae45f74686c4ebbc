import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../src/index';
import { demoToken } from './support/assertions';

// The documented Consent refusals, the way a supplier meets them: its own token, the mock's
// Consent API and the consent registry the application manager changes through /_admin.
let server: MockServer;
let token: string;
beforeAll(async () => {
  server = await startMockServer({ port: 0, seed: 6 });
  token = await demoToken(`${server.url}/oauth2/token`, 'demo-toetssysteem', 'consent');
});
afterAll(() => server.close());

const C1 = '3f0c6f5e-1d2a-4b7c-9e8f-000000000001';
const C2 = '3f0c6f5e-1d2a-4b7c-9e8f-000000000002';
const C_WRONG = '3f0c6f5e-1d2a-4b7c-9e8f-0000000000ff';
const P_OTHER = '3f0c6f5e-1d2a-4b7c-9e8f-0000000000aa';

const consent = async (method: 'GET' | 'PUT', path: string, body?: unknown) => {
  const response = await fetch(`${server.url}/consent-api/v0${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as Record<string, unknown> & Record<string, unknown>[] };
};
const admin = (body: unknown) =>
  fetch(`${server.url}/_admin/consents`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('documented Consent refusals at the mock', () => {
  it('0099 and 1002 synchronously, 1003 in the confirmation after 202', async () => {
    // The test system has consent at the first school only; ask for it at the second.
    const school = server.world.schools[1]!;
    const exchange = { school: { organisationMasterIdentifier: school.orgMasterId }, api: 'students-api', scopes: ['eduv.student.basic'] };
    expect((await consent('PUT', '/consent/requests', { ...exchange, consumerReferenceId: C1 })).status).toBe(202);
    const key = { clientId: 'demo-toetssysteem', orgMasterId: school.orgMasterId, api: 'students-api' };
    expect((await admin({ ...key, active: true })).status).toBe(200);
    const { body: granted } = await consent('GET', `/consent/statuses/school?orgMasterId=${school.orgMasterId}&api=students-api`);
    const P1 = granted.providerReferenceId as string;
    expect(P1).toMatch(/^[0-9a-f-]{36}$/);

    const confirmation = { ...exchange, providerReferenceId: P1, consumerReferenceId: C1, consumerStatus: 'confirmed' };
    expect((await consent('PUT', '/consent/confirmations', confirmation)).status).toBe(202);

    // 1002: a second confirmation under another consumer id; a confirmation is answered at once.
    const twice = await consent('PUT', '/consent/confirmations', { ...confirmation, consumerReferenceId: C2 });
    expect(twice).toMatchObject({ status: 400, body: { status: 1002, statusMessage: expect.stringMatching(/^providerReferenceId already used: /) } });

    // 1003: a revoke with a consumer id the consent does not carry is taken, then answered.
    const revoke = await consent('PUT', '/consent/revokes', { ...exchange, providerReferenceId: P1, consumerReferenceId: C_WRONG });
    expect(revoke.status).toBe(202);
    const { body: confirmations } = await consent('GET', '/consent/confirmations?api=students-api');
    expect(confirmations).toContainEqual(
      expect.objectContaining({
        providerReferenceId: P1,
        consumerReferenceId: C_WRONG,
        status: 1003,
        statusMessage: expect.stringMatching(/^consumerReferenceId unknown: /),
      }),
    );
    expect((await consent('GET', `/consent/statuses/school?providerReferenceId=${P1}`)).body).toMatchObject({
      providerStatus: 'granted',
      consumerStatus: 'confirmed',
    });

    // 0099: the mock holds the students data, so a notification for it cannot come from the client.
    const notification = await consent('PUT', '/consent/notifications', { ...exchange, providerReferenceId: P_OTHER });
    expect(notification).toMatchObject({ status: 400, body: { status: 99, statusMessage: expect.stringContaining('data provider') } });

    // 0099: the application manager revokes; confirming the revoked consent is refused.
    expect((await admin({ ...key, active: false })).status).toBe(200);
    const revoked = await consent('PUT', '/consent/confirmations', confirmation);
    expect(revoked).toMatchObject({ status: 400, body: { status: 99, statusMessage: expect.stringContaining('revoked') } });
  });
});
