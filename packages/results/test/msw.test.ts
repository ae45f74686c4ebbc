import { EduvApiError, staticToken } from '@eduvkit/core';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createResultsClient } from '../src/index';
import { createResultsDelivery, createStudentsWorld, studentsOfClass } from '../src/fixtures/index';
import { DEFAULT_RESULTS_BASE_URL, resultsHandlers, resultsOverride } from '../src/msw/index';

// A toetssysteem's test: its code posts to "the ontvanger", MSW answers like the mock server.
const server = setupServer(...resultsHandlers({ seed: 3 }));
const world = createStudentsWorld({ seed: 3 });
const school = world.schools[0]!;
const students = world.students.get(school.orgMasterId)!;
const klas = studentsOfClass(students, students[0]!.enrollments.at(-1)!.studyOfferingId);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const client = createResultsClient({ baseUrl: DEFAULT_RESULTS_BASE_URL, tokenProvider: staticToken('test-token'), validation: 'strict' });
const post = (body: string) =>
  fetch(`${DEFAULT_RESULTS_BASE_URL}/results`, { method: 'POST', headers: { authorization: 'Bearer t', 'content-type': 'application/json' }, body });

describe('Results MSW handlers', () => {
  it('record a delivery for a class of the seeded world: 201 with 0001 Created', async () => {
    const delivery = createResultsDelivery({ seed: 3, school, students: klas });
    expect(delivery.studentScoresAndResults.length).toBeGreaterThan(1);
    const { data, httpStatus, apiVersion } = await client.send(delivery);
    expect({ httpStatus, apiVersion, data }).toEqual({ httpStatus: 201, apiVersion: '2.1.0', data: { status: 1, statusMessage: 'Created' } });
  });

  it('refuse an empty body with 400 / 0011', async () => {
    const response = await post('');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ status: 11, statusMessage: expect.stringContaining('required') });
  });

  it('refuse a delivery without students, naming the field', async () => {
    const response = await post(JSON.stringify({ ...createResultsDelivery({ seed: 3, school, students: klas }), studentScoresAndResults: [] }));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ status: 11, statusMessage: expect.stringContaining('studentScoresAndResults') });
  });

  it('refuse a result for a student the school does not know with 400 / 2002, naming the item', async () => {
    const delivery = createResultsDelivery({ seed: 3, school, students: klas });
    delivery.studentScoresAndResults.push({ student: { userMasterIdentifier: 'https://ketenid.nl/201703/' + '0'.repeat(128) } });
    const error = await client.send(delivery).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EduvApiError);
    expect(error).toMatchObject({ httpStatus: 400, eduvStatus: 2002, message: expect.stringContaining(`studentScoresAndResults[${klas.length}]`) });
  });

  it('refuse a school it does not serve with 400 / 0023', async () => {
    const delivery = { ...createResultsDelivery({ seed: 3, school, students: klas }), school: { organisationMasterIdentifier: '999Z999' } };
    await expect(client.send(delivery)).rejects.toMatchObject({ httpStatus: 400, eduvStatus: 23 });
  });

  it('let a test simulate a missing consent', async () => {
    server.use(resultsOverride('postResults', { status: 403 }));
    await expect(client.send(createResultsDelivery({ seed: 3, school, students: klas }))).rejects.toMatchObject({ httpStatus: 403, eduvStatus: 22 });
  });
});
