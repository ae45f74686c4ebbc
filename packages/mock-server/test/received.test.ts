import { createProgressMessages } from '@eduvkit/progress/fixtures';
import { createResultsDelivery, studentsOfClass } from '@eduvkit/results/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReceivedStores, startMockServer, type MockServer } from '../src/index';
import { demoToken } from './support/assertions';

// The mock as Administratiesysteem leerresultaten and Leermiddelendashboard, over real HTTP with real tokens.
let server: MockServer;
let toetssysteem: string;
let gebruiksomgeving: string;
beforeAll(async () => {
  server = await startMockServer({ port: 0, seed: 6 });
  [toetssysteem, gebruiksomgeving] = await Promise.all([
    demoToken(`${server.url}/oauth2/token`, 'demo-toetssysteem'),
    demoToken(`${server.url}/oauth2/token`, 'demo-gebruiksomgeving'),
  ]);
});
afterAll(() => server.close());

const send = (method: string, path: string, token: string, body: unknown) =>
  fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const admin = async (path: string) => (await (await fetch(`${server.url}${path}`)).json()) as Record<string, unknown[]>;

const classOf = (orgMasterId: string) => {
  const students = server.world.students.get(orgMasterId)!;
  return studentsOfClass(students, students[0]!.enrollments.at(-1)!.studyOfferingId);
};

describe('the mock receiving results', () => {
  it('answers an empty body 400 / 0011 and a valid delivery 201, and keeps it per student', async () => {
    const school = server.world.schools[0]!;
    const empty = await send('POST', '/results-api/v2/results', toetssysteem, '');
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ status: 11 });

    const delivery = createResultsDelivery({ seed: 6, school, students: classOf(school.orgMasterId) });
    const created = await send('POST', '/results-api/v2/results', toetssysteem, delivery);
    expect(created.status).toBe(201);
    expect(created.headers.get('api-version')).toBe('2.1.0');
    expect(await created.json()).toEqual({ status: 1, statusMessage: 'Created' });

    const { results } = await admin(`/_admin/results?orgMasterId=${school.orgMasterId}&assessmentId=${delivery.assessmentDefinition.id}`);
    expect(results!.map((record) => (record as { item: unknown }).item)).toEqual(delivery.studentScoresAndResults);
    expect(results![0]).toMatchObject({ senderClientId: 'demo-toetssysteem', assessmentDefinition: delivery.assessmentDefinition });
  });

  it('replaces a student result when the same assessment is delivered again', async () => {
    const school = server.world.schools[0]!;
    const students = classOf(school.orgMasterId).slice(0, 2);
    const first = createResultsDelivery({ seed: 6, school, students, index: 7 });
    const again = {
      ...first,
      studentScoresAndResults: first.studentScoresAndResults.map((item) => ({ ...item, results: [{ resultType: '1.0-10.0', result: '9.0' }] })),
    };
    expect((await send('POST', '/results-api/v2/results', toetssysteem, first)).status).toBe(201);
    expect((await send('POST', '/results-api/v2/results', toetssysteem, again)).status).toBe(201);
    const { results } = await admin(`/_admin/results?assessmentId=${first.assessmentDefinition.id}`);
    expect(results!.map((record) => (record as { item: unknown }).item)).toEqual(again.studentScoresAndResults);
  });

  it('refuses a student that is not in the world with 400 / 2002 and keeps nothing of that delivery', async () => {
    const school = server.world.schools[0]!;
    const delivery = createResultsDelivery({ seed: 6, school, students: classOf(school.orgMasterId), index: 3 });
    delivery.studentScoresAndResults.push({ student: { userMasterIdentifier: `https://ketenid.nl/201703/${'f'.repeat(128)}` } });
    const refused = await send('POST', '/results-api/v2/results', toetssysteem, delivery);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ status: 2002, statusMessage: expect.stringMatching(/^Student unknown/) });
    expect((await admin(`/_admin/results?assessmentId=${delivery.assessmentDefinition.id}`)).results).toEqual([]);
  });

  it('refuses a school where the test system is not activated with 403 / 0022', async () => {
    const school = server.world.schools[1]!;
    const refused = await send(
      'POST',
      '/results-api/v2/results',
      toetssysteem,
      createResultsDelivery({ seed: 6, school, students: classOf(school.orgMasterId) }),
    );
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ status: 22 });
  });
});

describe('the mock receiving progress', () => {
  it('takes in a class’s progress with 202 and shows the latest per message id', async () => {
    const school = server.world.schools[1]!;
    const messages = createProgressMessages({
      seed: 6,
      school,
      students: classOf(school.orgMasterId),
      courseId: 'rekenen-groep-5',
      assignableUnitIds: ['blok-1', 'blok-2', 'blok-3'],
    });
    for (const message of messages) expect((await send('PUT', '/progress-api/v0/progress', gebruiksomgeving, message)).status).toBe(202);
    const changed = { ...messages[0]!, status: 'completed' };
    expect((await send('PUT', '/progress-api/v0/progress', gebruiksomgeving, changed)).status).toBe(202);
    const { progress } = await admin(`/_admin/progress?orgMasterId=${school.orgMasterId}&courseId=rekenen-groep-5`);
    expect(progress).toHaveLength(messages.length);
    expect(progress!.at(-1)).toMatchObject({ progress: changed, senderClientId: 'demo-gebruiksomgeving' });
  });

  it('refuses the test system, which is no verzender of Progress: its token cannot carry the scope', async () => {
    const school = server.world.schools[0]!;
    const [message] = createProgressMessages({
      seed: 6,
      school,
      students: classOf(school.orgMasterId),
      courseId: 'c',
      assignableUnitIds: ['a', 'b', 'c', 'd', 'e', 'f'],
    });
    const refused = await send('PUT', '/progress-api/v0/progress', toetssysteem, message);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ status: 21 });
  });

  it('forgets on DELETE', async () => {
    expect((await fetch(`${server.url}/_admin/progress`, { method: 'DELETE' })).status).toBe(204);
    expect((await admin('/_admin/progress')).progress).toEqual([]);
  });
});

describe('the received stores', () => {
  it('are bounded: beyond the limit the result changed longest ago goes', () => {
    const stores = createReceivedStores(2);
    const school = { school: { orgMasterId: 'S', name: 'S', sector: 'po' as const, ids: [] }, filterByOrgId: false };
    const delivery = (student: string) => ({
      school: { organisationMasterIdentifier: 'S' },
      assessmentDateTime: '2026-01-01T00:00:00Z',
      assessmentDefinition: { id: 'a', name: 'A' },
      studentScoresAndResults: [{ student: { userMasterIdentifier: student } }],
    });
    for (const student of ['x', 'y', 'z']) stores.results.record({ school, delivery: delivery(student), receivedAt: '2026-01-01T00:00:00Z' });
    expect(stores.results.list().map((record) => record.item.student.userMasterIdentifier)).toEqual(['y', 'z']);
  });
});
