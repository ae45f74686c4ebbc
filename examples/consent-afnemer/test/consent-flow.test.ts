import { startMockServer, type MockServer } from '@eduvkit/mock-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { providerStatus, readStudents, requestActivation, waitForActivation } from '../src/activation';
import { demoTestSystem } from '../src/supplier-credentials';

let server: MockServer;
let tokenProvider: ReturnType<typeof demoTestSystem>;
beforeAll(async () => {
  server = await startMockServer({ port: 0, seed: 1 });
  tokenProvider = demoTestSystem(server.url);
});
afterAll(async () => {
  await tokenProvider.close();
  await server.close();
});

/** The school's application manager, through the mock's admin endpoint (what the consent page posts). */
const schoolActivates = (orgMasterId: string) =>
  fetch(`${server.url}/_admin/consents`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ clientId: 'demo-toetssysteem', orgMasterId, api: 'students-api', active: true }),
  });

it('asks for activation, sees it requested, and reads students once the school activated it', async () => {
  const school = server.world.schools[1]!;
  const options = { bronUrl: server.url, tokenProvider };
  expect(await readStudents(school.orgMasterId, options)).toEqual({ activated: false });

  const pending = await requestActivation({ orgMasterId: school.orgMasterId, api: 'students-api', scopes: ['eduv.student.basic'] }, options);
  expect(await providerStatus(pending, options)).toBe('requested');
  expect(await readStudents(school.orgMasterId, options)).toEqual({ activated: false });

  const waiting = waitForActivation(pending, { ...options, intervalMs: 50 });
  expect((await schoolActivates(school.orgMasterId)).status).toBe(200);
  const students = await waiting;
  expect(students).toHaveLength(server.world.students.get(school.orgMasterId)!.length);
  expect(await providerStatus(pending, options)).toBe('granted');
});

it('stops waiting when asked to', async () => {
  const school = server.world.schools[2]!;
  const options = { bronUrl: server.url, tokenProvider };
  const pending = await requestActivation({ orgMasterId: school.orgMasterId, api: 'students-api', scopes: ['eduv.student.basic'] }, options);
  await expect(waitForActivation(pending, { ...options, intervalMs: 20, signal: AbortSignal.timeout(200) })).rejects.toMatchObject({ name: 'TimeoutError' });
});
