import { startMockServer, type MockServer } from '@eduvkit/mock-server';
import type { NodeServer } from '@eduvkit/core/server/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followNotifications } from '../src/follow-notifications';
import { LAS_SCHOOL, serveLasBron } from '../src/las-bron';
import { studentsClientFor, syncSchool } from '../src/school-copy';
import { DEMO_CLIENT_ID, demoTokenProvider } from '../src/supplier-credentials';

let mock: MockServer;
let las: NodeServer;
let tokenProvider: ReturnType<typeof demoTokenProvider>;
beforeAll(async () => {
  mock = await startMockServer({ port: 0, seed: 4 });
  las = await serveLasBron({ issuer: mock.url });
  tokenProvider = demoTokenProvider(mock.url);
});
afterAll(async () => {
  await tokenProvider.close();
  await las.close();
  await mock.close();
});

const admin = (method: string, path: string, body?: unknown) =>
  fetch(`${mock.url}/_admin${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

async function eventually(check: () => boolean, what: string): Promise<void> {
  for (let waited = 0; waited < 10_000; waited += 50) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('the bron half: a LAS on @eduvkit/core/server/node', () => {
  it("serves its own pupils to an afnemer holding a token of the afsprakenstelsel's authorization server", async () => {
    const copy = await syncSchool(LAS_SCHOOL.orgMasterId, las.url, tokenProvider);
    expect([...copy.students.values()].map((student) => student.familyName).sort()).toEqual(['Jong', 'Visser']);
  });

  it('refuses a call without a token, a forged token and an unknown school, each as a StatusResponse', async () => {
    const url = `${las.url}/students-api/v1/students/school?orgMasterId=${LAS_SCHOOL.orgMasterId}`;
    expect((await fetch(url)).status).toBe(401);
    const forged = `${Buffer.from('{"alg":"RS256","typ":"JWT"}').toString('base64url')}.${Buffer.from('{"sub":"x"}').toString('base64url')}.c2ln`;
    const refused = await fetch(url, { headers: { authorization: `Bearer ${forged}` } });
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ status: 99, statusMessage: expect.stringContaining('invalid access token') });
    await expect(studentsClientFor(las.url, tokenProvider).listForSchool({ orgMasterId: '999Z999' })).rejects.toMatchObject({
      httpStatus: 400,
      eduvStatusCode: '2001',
    });
  });
});

describe('the afnemer half: sync a school, then follow its notifications (against the mock, real OAuth)', () => {
  it('keeps its copy up to date as students join, change and leave', async () => {
    const school = mock.world.schools[0]!.orgMasterId;
    const copy = await syncSchool(school, mock.url, tokenProvider);
    expect(copy.students.size).toBe(mock.world.students.get(school)!.length);
    const following = await followNotifications(copy, {
      bronUrl: mock.url,
      clientId: DEMO_CLIENT_ID,
      tokenProvider,
      registerCallback: async (url) => {
        expect((await admin('PUT', `/clients/${DEMO_CLIENT_ID}/callback`, { url })).status).toBe(204);
      },
    });
    try {
      const added = (await (await admin('POST', `/schools/${school}/students`, { familyName: 'Nieuwkomer' })).json()) as {
        student: { userMasterIdentifier: string };
      };
      const eckId = added.student.userMasterIdentifier;
      await eventually(() => copy.students.get(eckId)?.familyName === 'Nieuwkomer', 'the new student');

      await admin('PATCH', `/schools/${school}/students/${encodeURIComponent(eckId)}`, { givenName: 'Sanne' });
      await eventually(() => copy.students.get(eckId)?.givenName === 'Sanne', 'the changed name');

      await admin('DELETE', `/schools/${school}/students/${encodeURIComponent(eckId)}`);
      await eventually(() => !copy.students.has(eckId), 'the student to leave');

      await admin('POST', `/schools/${school}/students/import`, { count: 3 });
      await eventually(() => copy.students.size === mock.world.students.get(school)!.length, 'the re-read after a bulk import');
      expect(following.sync.cursor).toBeDefined();
    } finally {
      await following.close();
    }
  });
});
