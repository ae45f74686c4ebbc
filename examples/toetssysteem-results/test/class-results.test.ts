import { EduvApiError } from '@eduvkit/core';
import { startMockServer, type MockServer } from '@eduvkit/mock-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { postClassResults, type TestSitting } from '../src/class-results';
import { toetssysteemTokenProvider } from '../src/supplier-credentials';

let server: MockServer;
let tokenProvider: ReturnType<typeof toetssysteemTokenProvider>;
beforeAll(async () => {
  server = await startMockServer({ port: 0, seed: 1 });
  const demo = server.clients.find((client) => client.clientId === 'demo-toetssysteem')!;
  tokenProvider = toetssysteemTokenProvider(server.url, demo.privateKeyFile!, demo.jwks.keys[0]!.kid!);
});
afterAll(async () => {
  await tokenProvider.close();
  await server.close();
});

const options = () => ({ studentsBaseUrl: `${server.url}/students-api/v1`, resultsBaseUrl: `${server.url}/results-api/v2`, tokenProvider });
const sittingAt = (index: number): TestSitting => {
  const school = server.world.schools[index]!;
  return {
    orgMasterId: school.orgMasterId,
    studyOfferingId: school.catalogue.studyOfferings[4]!.id,
    schoolPeriodId: school.catalogue.currentSchoolYear,
    assessment: { id: `toets-${index}`, name: 'Toets rekenen blok 3' },
    takenAt: '2026-03-12T09:30:00Z',
    gradeOf: (student) => (student.familyName.length % 2 ? '6.5' : '8.0'),
  };
};

it('posts a grade for every student of the class, which the mock records (201 Created)', async () => {
  const sitting = sittingAt(0);
  const result = await postClassResults(sitting, options());
  const klas = server.world.students
    .get(sitting.orgMasterId)!
    .filter((record) =>
      record.enrollments.some((enrollment) => enrollment.studyOfferingId === sitting.studyOfferingId && enrollment.schoolPeriodId === sitting.schoolPeriodId),
    );
  expect(result).toEqual({ students: klas.length, statusMessage: 'Created' });
  expect(klas.length).toBeGreaterThan(5);
  const recorded = server.received.results.list({ orgMasterId: sitting.orgMasterId, assessmentId: 'toets-0' });
  expect(recorded).toHaveLength(klas.length);
  expect(recorded.every((record) => record.senderClientId === 'demo-toetssysteem')).toBe(true);
});

it('is refused at a school that has not activated the exchange for this test system (403 / 0022)', async () => {
  const error = await postClassResults(sittingAt(1), options()).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(EduvApiError);
  expect(error).toMatchObject({ httpStatus: 403, eduvStatus: 22 });
});
