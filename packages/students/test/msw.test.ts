import { EduvApiError, EduvValidationError, staticToken } from '@eduvkit/core';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createStudentsClient } from '../src/index';
import { createStudentsWorld } from '../src/fixtures/index';
import { DEFAULT_STUDENTS_BASE_URL, studentsHandlers, studentsOverride } from '../src/msw/index';

// A consumer's test: the supplier's code under test talks to "the bron", MSW answers.
const server = setupServer(...studentsHandlers({ seed: 5 }));
const world = createStudentsWorld({ seed: 5 });
const school = world.schools[0]!;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** What the client waited before each retry (the test does not really wait). */
const slept: number[] = [];
const client = createStudentsClient({
  baseUrl: DEFAULT_STUDENTS_BASE_URL,
  tokenProvider: staticToken('test-token'),
  validation: 'strict',
  retry: { baseDelayMs: 1, maxDelayMs: 5, sleep: async (ms) => void slept.push(ms) },
});

describe('Students MSW handlers', () => {
  it('serve the same seeded world the fixtures describe', async () => {
    const { data, apiVersion } = await client.listForSchool({ orgMasterId: school.orgMasterId });
    expect(apiVersion).toBe('1.1.0');
    expect(data.map((student) => student.familyName)).toEqual(world.students.get(school.orgMasterId)!.map((record) => record.student.familyName));
  });

  it('validate requests like the mock server: a bad orgIdType is 400 / 0011', async () => {
    const response = await fetch(`${DEFAULT_STUDENTS_BASE_URL}/students/school?orgId=x&orgIdType=nope`, { headers: { authorization: 'Bearer t' } });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ status: 11, statusMessage: expect.stringContaining('orgIdType') });
  });

  it('let a test make one call fail with 503 + Retry-After, which the client honours before retrying', async () => {
    slept.length = 0;
    server.use(studentsOverride('listStudentsForSchool', { status: 503, headers: { 'Retry-After': '3' }, once: true }));
    const { data } = await client.listForSchool({ orgMasterId: school.orgMasterId });
    expect(data.length).toBeGreaterThan(0);
    expect(slept).toEqual([3_000]);
  });

  it('let a test simulate a missing consent', async () => {
    server.use(studentsOverride('findStudent', { status: 403 }));
    const error = await client.find({ orgMasterId: school.orgMasterId }, 'https://ketenid.nl/201703/abc').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EduvApiError);
    expect(error).toMatchObject({ httpStatus: 403, eduvStatus: 22, eduvStatusCode: '0022' });
  });

  it('let a test serve a malformed body, which strict validation reports field by field', async () => {
    server.use(studentsOverride('listStudentsForSchool', { status: 200, body: [{ givenName: 'Noah' }, { familyName: 3 }] }));
    const error = await client.listForSchool({ orgMasterId: school.orgMasterId }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EduvValidationError);
    const paths = (error as EduvValidationError).issues.map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['$[0].familyName', '$[1].familyName', '$[1].givenName']));
  });
});
