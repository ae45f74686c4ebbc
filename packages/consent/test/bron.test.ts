import { createSchools } from '@eduvkit/core/fixtures';
import { describe, expect, it } from 'vitest';
import { createConsentBron, createInMemoryConsentSource, createInMemoryConsentStore } from '../src/index';

// The bron as a supplier runs it: Fetch API Requests in, Responses out, no MSW.
const schools = createSchools({ seed: 3 });
const school = schools[0]!;
const BASE = 'https://consent.example/consent-api/v0';

const callerA = () => ({ clientId: 'A', scopes: new Set(['consent']) });
const callerB = () => ({ clientId: 'B', scopes: new Set(['consent']) });

function setup() {
  const store = createInMemoryConsentStore();
  const source = createInMemoryConsentSource({ schools, store });
  const options = { basePath: '/consent-api/v0' };
  return {
    store,
    anonymous: createConsentBron(source, options),
    bronA: createConsentBron(source, { ...options, authenticate: callerA }),
    bronB: createConsentBron(source, { ...options, authenticate: callerB }),
  };
}

const get = (path: string) => new Request(`${BASE}${path}`, { headers: { authorization: 'Bearer token' } });
const put = (path: string, body: unknown) =>
  new Request(`${BASE}${path}`, { method: 'PUT', headers: { authorization: 'Bearer token', 'content-type': 'application/json' }, body: JSON.stringify(body) });

const request = (consumerReferenceId: string, api = 'students-api') => ({
  consumerReferenceId,
  school: { organisationMasterIdentifier: school.orgMasterId },
  api,
  scopes: ['eduv.student.basic'],
});
const ID_B = '7d7f9a40-8a43-4b8e-b1b6-4a8f1f0e0b01';
const ID_A = '7d7f9a40-8a43-4b8e-b1b6-4a8f1f0e0b02';

describe('Consent bron', () => {
  it('refuses a request without a bearer token with 401', async () => {
    const { anonymous } = setup();
    const response = await anonymous.handle(new Request(`${BASE}/consent/statuses`));
    expect(response!.status).toBe(401);
    expect(response!.headers.get('API-Version')).toBe('0.9.1');
    expect(await response!.json()).toMatchObject({ status: 99, statusMessage: expect.stringContaining('bearer') });
  });

  it('refuses a token that names no client: the Consent API answers per client', async () => {
    const { anonymous } = setup();
    const response = await anonymous.handle(get('/consent/statuses'));
    expect(response!.status).toBe(401);
    expect(await response!.json()).toMatchObject({ statusMessage: expect.stringContaining('client id') });
  });

  it('refuses a token without the consent scope with 401 / 0021', async () => {
    const store = createInMemoryConsentStore();
    const bron = createConsentBron(createInMemoryConsentSource({ schools, store }), {
      authenticate: () => ({ clientId: 'A', scopes: new Set(['eduv.student.basic']) }),
    });
    const response = await bron.handle(new Request('https://x.example/consent-api/v0/consent/statuses', { headers: { authorization: 'Bearer t' } }));
    expect(response!.status).toBe(401);
    expect(await response!.json()).toMatchObject({ status: 21, statusMessage: 'scope required: consent' });
  });

  it('answers 400 / 0011 naming a bad api value, in the query and in a body', async () => {
    const { bronA } = setup();
    const query = await bronA.handle(get('/consent/statuses?api=catalogue-api'));
    expect(query!.status).toBe(400);
    expect(await query!.json()).toMatchObject({ status: 11, statusMessage: expect.stringContaining('query parameter "api"') });

    const body = await bronA.handle(put('/consent/requests', request(ID_A, 'consent-api')));
    expect(body!.status).toBe(400);
    expect(await body!.json()).toMatchObject({ status: 11, statusMessage: expect.stringContaining('body field "api"') });

    const since = await bronA.handle(get('/consent/requests?since=yesterday'));
    expect(await since!.json()).toMatchObject({ status: 11, statusMessage: expect.stringContaining('query parameter "since"') });
  });

  it('answers an accepted message with 202, API-Version and no body', async () => {
    const { bronA, store } = setup();
    const response = await bronA.handle(put('/consent/requests', request(ID_A)));
    expect(response!.status).toBe(202);
    expect(response!.headers.get('API-Version')).toBe('0.9.1');
    expect(await response!.text()).toBe('');
    expect(store.list({ clientId: 'A' })).toEqual([
      expect.objectContaining({ providerStatus: 'requested', consumerReferenceId: ID_A, orgMasterId: school.orgMasterId }),
    ]);
  });

  it('never shows client A the consents of client B, nor lets A act on them', async () => {
    const { bronA, bronB, store } = setup();
    expect((await bronB.handle(put('/consent/requests', request(ID_B))))!.status).toBe(202);
    const granted = store.activate({ clientId: 'B', orgMasterId: school.orgMasterId, api: 'students-api' });

    const bSees = await (await bronB.handle(get('/consent/statuses')))!.json();
    expect(bSees).toEqual([
      expect.objectContaining({ consumerReferenceId: ID_B, providerReferenceId: granted.providerReferenceId, providerStatus: 'granted' }),
    ]);

    for (const path of ['/consent/statuses', '/consent/requests', '/consent/confirmations']) {
      const response = await bronA.handle(get(path));
      expect(response!.status, path).toBe(200);
      expect(await response!.json(), path).toEqual([]);
    }
    for (const path of [
      `/consent/statuses/school?orgMasterId=${school.orgMasterId}`,
      `/consent/statuses/school?providerReferenceId=${granted.providerReferenceId}`,
      `/consent/statuses/school?consumerReferenceId=${ID_B}`,
    ]) {
      const response = await bronA.handle(get(path));
      expect(response!.status, path).toBe(404);
    }

    // B's consent does not exist for A: the revoke is taken (202) and answered by a 1001 confirmation.
    const revoke = await bronA.handle(put('/consent/revokes', { ...request(ID_B), providerReferenceId: granted.providerReferenceId }));
    expect(revoke!.status).toBe(202);
    expect(await (await bronA.handle(get('/consent/confirmations')))!.json()).toEqual([
      expect.objectContaining({ providerReferenceId: granted.providerReferenceId, status: 1001 }),
    ]);
    expect(await (await bronB.handle(get('/consent/confirmations')))!.json()).toEqual([]);
    expect(store.isActive({ clientId: 'B', orgMasterId: school.orgMasterId, api: 'students-api' })).toBe(true);

    // B's consumerReferenceId is B's: A may use the same value for its own request.
    expect((await bronA.handle(put('/consent/requests', request(ID_B))))!.status).toBe(202);
    expect(store.list({ clientId: 'A' })).toHaveLength(1);
    expect(store.list({ clientId: 'B' })).toHaveLength(1);
  });

  it('resolves a school by a secondary id, refuses V_ID, and refuses an unknown school with 0023', async () => {
    const { bronA } = setup();
    await bronA.handle(put('/consent/requests', request(ID_A)));
    const oie = school.ids.find((id) => id.type === 'OIE_CODE')!;
    const bySecondary = await bronA.handle(get(`/consent/statuses/school?orgId=${oie.id}&orgIdType=OIE_CODE`));
    expect(await bySecondary!.json()).toEqual(expect.objectContaining({ consumerReferenceId: ID_A, providerReferenceId: '' }));

    const vId = school.ids.find((id) => id.type === 'V_ID')!;
    const vestiging = await bronA.handle(get(`/consent/statuses/school?orgId=${vId.id}&orgIdType=V_ID`));
    expect(vestiging!.status).toBe(400);
    expect(await vestiging!.json()).toMatchObject({ status: 11, statusMessage: expect.stringContaining('orgIdType') });

    const inBody = await bronA.handle(
      put('/consent/requests', { ...request(ID_B), school: { organisationIds: [{ organisationId: vId.id, organisationIdType: 'V_ID' }] } }),
    );
    expect(await inBody!.json()).toMatchObject({ status: 11, statusMessage: expect.stringContaining('organisationIdType') });

    const unknown = await bronA.handle(get('/consent/statuses/school?orgMasterId=00XX00'));
    expect(unknown!.status).toBe(400);
    expect(await unknown!.json()).toMatchObject({ status: 23 });
  });

  it('refuses a new request while the exchange is granted (400 / 0099), and takes one again after a revoke', async () => {
    const { bronA, store } = setup();
    await bronA.handle(put('/consent/requests', request(ID_A)));
    const granted = store.activate({ clientId: 'A', orgMasterId: school.orgMasterId, api: 'students-api' }, [
      'eduv.student.basic',
      'eduv.student.demographics',
    ]);
    expect(granted.scopes).toEqual(['eduv.student.basic', 'eduv.student.demographics']);

    const again = await bronA.handle(put('/consent/requests', request(ID_B)));
    expect(again!.status).toBe(400);
    expect(await again!.json()).toMatchObject({ status: 99, statusMessage: expect.stringContaining('already granted') });

    expect(store.deactivate({ clientId: 'A', orgMasterId: school.orgMasterId, api: 'students-api' })).toBe(true);
    expect((await bronA.handle(put('/consent/requests', request(ID_B))))!.status).toBe(202);
    const [record] = store.list({ clientId: 'A' });
    expect(record).toMatchObject({ consumerReferenceId: ID_B, providerStatus: 'requested' });
    expect(record).not.toHaveProperty('providerReferenceId');
  });

  it('matches a notification to the request this side sent, and answers one for a request it never sent with a 1003 confirmation', async () => {
    const { bronA, store } = setup();
    // This side (as data consumer) asked client A, which holds results data, for consent.
    store.put({
      clientId: 'A',
      orgMasterId: school.orgMasterId,
      api: 'results-api',
      dataProvider: 'client',
      scopes: [],
      consumerReferenceId: ID_B,
      providerStatus: 'requested',
      consumerStatus: 'requested',
    });
    const requests = await (await bronA.handle(get('/consent/requests?api=results-api')))!.json();
    expect(requests).toEqual([expect.objectContaining({ consumerReferenceId: ID_B, consumerStatus: 'requested' })]);

    const notification = { providerReferenceId: ID_A, school: { organisationMasterIdentifier: school.orgMasterId }, api: 'results-api' };
    const strangerId = '7d7f9a40-8a43-4b8e-b1b6-4a8f1f0e0bff';
    const stranger = await bronA.handle(put('/consent/notifications', { ...notification, consumerReferenceId: strangerId }));
    expect(stranger!.status).toBe(202);

    expect((await bronA.handle(put('/consent/notifications', { ...notification, consumerReferenceId: ID_B })))!.status).toBe(202);
    const confirmations = await (await bronA.handle(get('/consent/confirmations')))!.json();
    expect(confirmations).toEqual([
      expect.objectContaining({ providerReferenceId: ID_A, consumerReferenceId: ID_B, consumerStatus: 'confirmed' }),
      expect.objectContaining({ providerReferenceId: ID_A, consumerReferenceId: strangerId, status: 1003 }),
    ]);
  });

  it("refuses a confirmation that accepts a consent without naming the consumer's reference id, and keeps its own statuses valid", async () => {
    const { store, bronA } = setup();
    const granted = store.activate({ clientId: 'A', orgMasterId: school.orgMasterId, api: 'students-api' });
    const confirmation = {
      providerReferenceId: granted.providerReferenceId,
      consumerReferenceId: '',
      school: { organisationMasterIdentifier: school.orgMasterId },
      api: 'students-api',
      scopes: [],
      consumerStatus: 'confirmed',
    };
    const refused = await bronA.handle(put('/consent/confirmations', confirmation));
    expect(refused!.status).toBe(400);
    expect(await refused!.json()).toMatchObject({ status: 11, statusMessage: expect.stringContaining('consumerReferenceId') });
    expect((await bronA.handle(put('/consent/confirmations', { ...confirmation, consumerReferenceId: ID_A })))!.status).toBe(202);
    const statuses = await bronA.handle(get('/consent/statuses'));
    expect(statuses!.status).toBe(200);
    expect(await statuses!.json()).toEqual([
      expect.objectContaining({ providerReferenceId: granted.providerReferenceId, consumerReferenceId: ID_A, consumerStatus: 'confirmed' }),
    ]);
  });

  it('answers the receive endpoints of the other role with 405 "<role> is provider of this endpoint"', async () => {
    const source = createInMemoryConsentSource({ schools, store: createInMemoryConsentStore() });
    const provider = createConsentBron(source, { basePath: '/consent-api/v0', authenticate: callerA, role: 'provider' });
    const consumer = createConsentBron(source, { basePath: '/consent-api/v0', authenticate: callerA, role: 'consumer' });
    const notification = { providerReferenceId: ID_A, school: { organisationMasterIdentifier: school.orgMasterId }, api: 'results-api' };
    const cases = [
      [provider, '/consent/notifications', notification, 'Data Consumer'],
      [consumer, '/consent/requests', request(ID_A), 'Data Provider'],
      [consumer, '/consent/confirmations', { ...request(ID_A), providerReferenceId: ID_B, consumerStatus: 'confirmed' }, 'Data Provider'],
    ] as const;
    for (const [bron, path, body, role] of cases) {
      const response = await bron.handle(put(path, body));
      expect(response!.status, path).toBe(405);
      expect(await response!.json(), path).toEqual({ status: 99, statusMessage: `Method Not Allowed - ${role} is provider of this endpoint` });
    }
    // Revokes come from either side; each role takes its own messages.
    expect((await provider.handle(put('/consent/requests', request(ID_A))))!.status).toBe(202);
    expect((await consumer.handle(put('/consent/revokes', { ...request(ID_A), providerReferenceId: ID_B })))!.status).toBe(202);
  });

  it('routes like every bron: 404 outside the API, 405 with Allow for a wrong method', async () => {
    const { bronA } = setup();
    expect(await bronA.handle(new Request('https://consent.example/students-api/v1/students/school'))).toBeUndefined();
    const missing = await bronA.handle(get('/consent/nothing'));
    expect(missing!.status).toBe(404);
    const wrong = await bronA.handle(new Request(`${BASE}/consent/revokes`, { method: 'GET', headers: { authorization: 'Bearer t' } }));
    expect(wrong!.status).toBe(405);
    expect(wrong!.headers.get('allow')).toBe('PUT');
  });
});
