import { EduvApiError, staticToken } from '@eduvkit/core';
import { createStudentsClient } from '@eduvkit/students';
import { createStudentsWorld } from '@eduvkit/students/fixtures';
import { DEFAULT_STUDENTS_BASE_URL, studentsHandlers, studentsOverride } from '@eduvkit/students/msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { provisionAccounts } from '../src/provision-accounts';

const server = setupServer(...studentsHandlers({ seed: 11 }));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const world = createStudentsWorld({ seed: 11 });
const school = world.schools.find((candidate) => candidate.sector === 'vo')!;
const client = createStudentsClient({ baseUrl: DEFAULT_STUDENTS_BASE_URL, tokenProvider: staticToken('t'), retry: { baseDelayMs: 1 } });

describe('provisionAccounts', () => {
  it('creates one account per student with an ECK iD and counts the rest', async () => {
    const result = await provisionAccounts(client, { orgMasterId: school.orgMasterId });
    const records = world.students.get(school.orgMasterId)!;
    const withEck = records.filter((record) => record.student.userMasterIdentifier).length;
    expect(result).toMatchObject({ kind: 'provisioned', skippedWithoutEckId: records.length - withEck });
    expect(result.kind === 'provisioned' && result.accounts).toHaveLength(withEck);
  });

  it('waits when the school has not given consent yet', async () => {
    server.use(studentsOverride('listStudentsForSchool', { status: 403 }));
    expect(await provisionAccounts(client, { orgMasterId: school.orgMasterId })).toEqual({ kind: 'waiting-for-consent' });
  });

  it('rides out a short outage thanks to the client retries', async () => {
    server.use(studentsOverride('listStudentsForSchool', { status: 503, once: true }));
    expect((await provisionAccounts(client, { orgMasterId: school.orgMasterId })).kind).toBe('provisioned');
  });

  it('lets other refusals through as typed errors', async () => {
    await expect(provisionAccounts(client, { orgMasterId: '999Z999' })).rejects.toBeInstanceOf(EduvApiError);
  });
});
