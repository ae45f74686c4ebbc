import { EduvApiError, EduvConfigError, EduvValidationError, staticToken } from '@eduvkit/core';
import { createSchools } from '@eduvkit/core/fixtures';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createConsentClient, createInMemoryConsentStore, type ConsentRequest, type InMemoryConsentStore } from '../src/index';
import { consentHandlers, consentOverride, DEFAULT_CONSENT_BASE_URL } from '../src/msw/index';

// A consumer's test: the supplier's consent code talks to "the bron's Consent API", MSW answers.
let clock = new Date('2025-03-01T09:00:00Z');
let store: InMemoryConsentStore = createInMemoryConsentStore({ now: () => clock });
const server = setupServer();
const schools = createSchools({ seed: 5 });
const school = schools[0]!;
const otherSchool = schools[1]!;

const clientFor = (clientId: string) =>
  createConsentClient({
    baseUrl: DEFAULT_CONSENT_BASE_URL,
    tokenProvider: staticToken(clientId),
    validation: 'strict',
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
  });
const clientA = clientFor('client-a');
const clientB = clientFor('client-b');

const ids = {
  first: '0b8a4f2e-5c1d-4e7a-9f3b-1a2b3c4d5e01',
  second: '0b8a4f2e-5c1d-4e7a-9f3b-1a2b3c4d5e02',
  third: '0b8a4f2e-5c1d-4e7a-9f3b-1a2b3c4d5e03',
  unknown: '0b8a4f2e-5c1d-4e7a-9f3b-1a2b3c4d5eff',
};

const requestFor = (consumerReferenceId: string, overrides: Partial<ConsentRequest> = {}): ConsentRequest => ({
  consumerReferenceId,
  school: { organisationMasterIdentifier: school.orgMasterId },
  api: 'students-api',
  scopes: ['eduv.student.basic'],
  ...overrides,
});

const failure = async (promise: Promise<unknown>): Promise<EduvApiError> => {
  const error = await promise.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(EduvApiError);
  return error as EduvApiError;
};

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  clock = new Date('2025-03-01T09:00:00Z');
  store = createInMemoryConsentStore({ now: () => clock });
  server.resetHandlers(...consentHandlers({ seed: 5, store }));
});
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('Consent MSW handlers', () => {
  it('store a request as requested, visible only to the client that sent it', async () => {
    const sent = await clientA.sendRequest(requestFor(ids.first));
    expect(sent).toMatchObject({ httpStatus: 202, data: undefined, apiVersion: '0.9.1' });

    const { data: mine } = await clientA.listStatuses();
    expect(mine).toEqual([
      {
        providerReferenceId: '',
        consumerReferenceId: ids.first,
        school: { organisationMasterIdentifier: school.orgMasterId },
        api: 'students-api',
        scopes: ['eduv.student.basic'],
        consumerStatus: 'requested',
        providerStatus: 'requested',
      },
    ]);
    // Required, and empty until the school grants the request.
    expect(mine[0]!.providerReferenceId).toBe('');
    expect((await clientA.statusForSchool({ orgMasterId: school.orgMasterId })).data).toEqual(mine[0]);
    expect((await clientA.listRequests()).data).toEqual([
      {
        consumerReferenceId: ids.first,
        school: { organisationMasterIdentifier: school.orgMasterId },
        api: 'students-api',
        scopes: ['eduv.student.basic'],
        consumerStatus: 'requested',
      },
    ]);

    expect((await clientB.listStatuses()).data).toEqual([]);
    expect(await failure(clientB.statusForSchool({ orgMasterId: school.orgMasterId }))).toMatchObject({ httpStatus: 404, eduvStatus: 99 });
    expect(await failure(clientB.statusForSchool(undefined, { consumerReferenceId: ids.first }))).toMatchObject({ httpStatus: 404 });
    expect((await clientB.listRequests()).data).toEqual([]);
  });

  it('follow a consent through grant, confirmation and revocation', async () => {
    await clientA.sendRequest(requestFor(ids.first));
    const key = { clientId: 'client-a', orgMasterId: school.orgMasterId, api: 'students-api' };
    expect(store.isActive(key)).toBe(false);

    const granted = store.activate(key); // the school's application manager approves
    expect(store.isActive(key)).toBe(true);
    const providerReferenceId = granted.providerReferenceId!;
    const { data: status } = await clientA.statusForSchool(undefined, { providerReferenceId });
    expect(status).toMatchObject({ providerReferenceId, consumerReferenceId: ids.first, providerStatus: 'granted', consumerStatus: 'requested' });

    const base = { providerReferenceId, consumerReferenceId: ids.first, school: status.school, api: 'students-api' as const, scopes: status.scopes };
    expect((await clientA.sendConfirmation({ ...base, consumerStatus: 'confirmed' })).httpStatus).toBe(202);
    expect((await clientA.listConfirmations()).data).toEqual([{ ...base, consumerStatus: 'confirmed' }]);
    expect((await clientB.listConfirmations()).data).toEqual([]);

    expect((await clientA.sendRevoke(base)).httpStatus).toBe(202);
    expect(store.isActive(key)).toBe(false);
    expect((await clientA.listStatuses()).data).toEqual([expect.objectContaining({ providerStatus: 'revoked', consumerStatus: 'revoked' })]);
    // A revoke that arrives twice is accepted once.
    expect((await clientA.sendRevoke(base)).httpStatus).toBe(202);
  });

  it('answer a consumerReferenceId the client already used with a 1004 confirmation after 202, but accept a resend of the same request', async () => {
    await clientA.sendRequest(requestFor(ids.first));
    const again = await clientA.sendRequest(requestFor(ids.first));
    expect(again.httpStatus).toBe(202);
    expect((await clientA.listStatuses()).data).toHaveLength(1);
    expect((await clientA.listConfirmations()).data).toEqual([]);

    expect((await clientA.sendRequest(requestFor(ids.first, { api: 'employees-api' }))).httpStatus).toBe(202);
    const { data: refusals } = await clientA.listConfirmations();
    expect(refusals).toEqual([
      expect.objectContaining({
        providerReferenceId: '',
        consumerReferenceId: ids.first,
        api: 'employees-api',
        status: 1004,
        statusMessage: expect.stringMatching(/^consumerReferenceId already used: /),
      }),
    ]);
    expect((await clientA.listStatuses()).data).toHaveLength(1);

    // The id is per client: another client may use the same one.
    expect((await clientB.sendRequest(requestFor(ids.first, { api: 'employees-api' }))).httpStatus).toBe(202);
  });

  it('answer a revoke of an unknown providerReferenceId with a 1001 confirmation after 202', async () => {
    const revoke = {
      providerReferenceId: ids.unknown,
      consumerReferenceId: ids.first,
      school: { organisationMasterIdentifier: school.orgMasterId },
      api: 'students-api' as const,
      scopes: [],
    };
    expect((await clientA.sendRevoke(revoke)).httpStatus).toBe(202);
    expect((await clientA.listConfirmations()).data).toEqual([
      { ...revoke, status: 1001, statusMessage: expect.stringMatching(/^providerReferenceId unknown: /) },
    ]);
  });

  it('refuse a confirmation of a consent that was never granted with 1001, and a wrong consumerReferenceId with 1003', async () => {
    await clientA.sendRequest(requestFor(ids.first));
    const base = {
      consumerReferenceId: ids.first,
      school: { organisationMasterIdentifier: school.orgMasterId },
      api: 'students-api' as const,
      scopes: [],
      consumerStatus: 'confirmed' as const,
    };
    expect(await failure(clientA.sendConfirmation({ ...base, providerReferenceId: ids.unknown }))).toMatchObject({ eduvStatus: 1001 });

    const { providerReferenceId } = store.activate({ clientId: 'client-a', orgMasterId: school.orgMasterId, api: 'students-api' });
    expect(await failure(clientA.sendConfirmation({ ...base, providerReferenceId: providerReferenceId!, consumerReferenceId: ids.second }))).toMatchObject({
      eduvStatus: 1003,
    });
  });

  it('filter by since (exclusive) and by api', async () => {
    await clientA.sendRequest(requestFor(ids.first));
    const afterFirst = new Date('2025-03-01T10:00:00Z');
    clock = new Date('2025-03-01T11:00:00Z');
    await clientA.sendRequest(requestFor(ids.second, { api: 'employees-api', school: { organisationMasterIdentifier: otherSchool.orgMasterId } }));

    const all = await clientA.listStatuses();
    expect(all.data.map((status) => status.consumerReferenceId)).toEqual([ids.first, ids.second]);
    expect((await clientA.listStatuses({ since: afterFirst })).data.map((status) => status.consumerReferenceId)).toEqual([ids.second]);
    expect((await clientA.listStatuses({ since: '2025-03-01T11:00:00Z' })).data).toEqual([]);
    expect((await clientA.listStatuses({ api: 'students-api' })).data.map((status) => status.consumerReferenceId)).toEqual([ids.first]);
    expect((await clientA.listRequests({ since: afterFirst })).data.map((request) => request.consumerReferenceId)).toEqual([ids.second]);
    expect(await failure(clientA.statusForSchool({ orgMasterId: school.orgMasterId }, { since: afterFirst }))).toMatchObject({ httpStatus: 404 });

    // A later change (the school grants) moves a consent past `since` again.
    clock = new Date('2025-03-01T12:00:00Z');
    store.activate({ clientId: 'client-a', orgMasterId: school.orgMasterId, api: 'students-api' });
    expect((await clientA.listStatuses({ since: '2025-03-01T11:30:00Z' })).data.map((status) => status.consumerReferenceId)).toEqual([ids.first]);
  });

  it('record a notification from a client that holds the data and confirm it automatically', async () => {
    await clientB.sendNotification({
      providerReferenceId: ids.third,
      school: { organisationMasterIdentifier: school.orgMasterId },
      api: 'results-api',
      scopes: ['eduv.result'],
    });
    const { data: confirmations } = await clientB.listConfirmations({ api: 'results-api' });
    expect(confirmations).toEqual([
      expect.objectContaining({ providerReferenceId: ids.third, api: 'results-api', consumerStatus: 'confirmed', consumerReferenceId: expect.any(String) }),
    ]);
    // The client is the data provider here, so no data flows *to* it because of this consent.
    expect(store.isActive({ clientId: 'client-b', orgMasterId: school.orgMasterId, api: 'results-api' })).toBe(false);
    // Reusing its providerReferenceId for another exchange is answered by a 1002 confirmation.
    const reused = await clientB.sendNotification({
      providerReferenceId: ids.third,
      school: { organisationMasterIdentifier: school.orgMasterId },
      api: 'usage-api',
    });
    expect(reused.httpStatus).toBe(202);
    expect((await clientB.listConfirmations({ api: 'usage-api' })).data).toEqual([expect.objectContaining({ providerReferenceId: ids.third, status: 1002 })]);
  });

  it('validate input like the mock server: bad values are 400 / 0011 naming the field, unknown schools 0023', async () => {
    const badId = await failure(clientA.sendRequest(requestFor('not-a-uuid')));
    expect(badId).toMatchObject({ httpStatus: 400, eduvStatus: 11 });
    expect(badId.statusMessage).toContain('consumerReferenceId');

    const unknownSchool = await failure(clientA.sendRequest(requestFor(ids.first, { school: { organisationMasterIdentifier: '99ZZ99' } })));
    expect(unknownSchool).toMatchObject({ httpStatus: 400, eduvStatus: 23 });

    const vestiging = await fetch(`${DEFAULT_CONSENT_BASE_URL}/consent/statuses/school?orgId=x&orgIdType=V_ID`, {
      headers: { authorization: 'Bearer client-a' },
    });
    expect(vestiging.status).toBe(400);
    expect(await vestiging.json()).toMatchObject({ status: 11, statusMessage: expect.stringContaining('orgIdType') });

    const nothing = await failure(clientA.statusForSchool(undefined));
    expect(nothing).toMatchObject({ httpStatus: 400, eduvStatus: 11 });

    expect(() => clientA.statusForSchool({ orgId: 'x', orgIdType: 'V_ID' as never })).toThrow(EduvConfigError);
  });

  it('let a test serve a malformed body, which strict validation reports field by field', async () => {
    server.use(
      consentOverride('listConsentStatuses', { status: 200, body: [{ api: 'catalogue-api', scopes: 'eduv.student.basic', providerReferenceId: 'x' }] }),
    );
    const error = await clientA.listStatuses().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EduvValidationError);
    const paths = (error as EduvValidationError).issues.map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['$[0].api', '$[0].scopes', '$[0].school', '$[0].providerReferenceId']));
    // providerStatus is not required, and its values are not closed.
    expect(paths).not.toContain('$[0].providerStatus');
  });

  it('let a test make one call fail with 503 + Retry-After, which the client retries', async () => {
    server.use(consentOverride('sendConsentRequest', { status: 503, headers: { 'Retry-After': '0' }, once: true }));
    expect((await clientA.sendRequest(requestFor(ids.first))).httpStatus).toBe(202);
    expect((await clientA.listStatuses()).data).toHaveLength(1);
  });
});
