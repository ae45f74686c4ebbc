import { staticToken } from '@eduvkit/core';
import type { NodeServer } from '@eduvkit/core/server/node';
import { createProgressClient } from '@eduvkit/progress';
import { createProgressMessages } from '@eduvkit/progress/fixtures';
import { createResultsClient } from '@eduvkit/results';
import { createResultsDelivery, createStudentsWorld, studentsOfClass } from '@eduvkit/results/fixtures';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDashboard } from '../src/dashboard';
import { serveDashboard } from '../src/dashboard-server';

// The dashboard on real HTTP; a learning environment and a test system send to it with the eduvkit clients.
const world = createStudentsWorld({ seed: 2 });
const school = world.schools[0]!;
const students = world.students.get(school.orgMasterId)!;
const klas = studentsOfClass(students, students[0]!.enrollments.at(-1)!.studyOfferingId);
// The roster knows each student by every id the school gave; senders may use any one of them.
const reference = ({ student }: (typeof klas)[number]) => ({
  ...(student.userMasterIdentifier ? { userMasterIdentifier: student.userMasterIdentifier } : {}),
  userIds: student.userIds!,
});
const dashboard = createDashboard(world.schools, new Map([[school.orgMasterId, students.map(reference)]]), { dangerouslyAcceptAnyToken: true });
let server: NodeServer;
beforeAll(async () => {
  server = await serveDashboard(dashboard.brons);
});
afterAll(() => server.close());

const units = ['blok-1', 'blok-2', 'blok-3', 'blok-4'];

it('collects the progress and results of a class into one overview row per student', async () => {
  const messages = createProgressMessages({ seed: 2, school, students: klas, courseId: 'rekenen-groep-5', assignableUnitIds: units });
  const progress = createProgressClient({ baseUrl: `${server.url}/progress-api/v0`, tokenProvider: staticToken('learning-environment') });
  for (const message of messages) await progress.send(message);
  const results = createResultsClient({ baseUrl: `${server.url}/results-api/v2`, tokenProvider: staticToken('test-system') });
  const delivery = createResultsDelivery({ seed: 2, school, students: klas });
  await results.send(delivery);

  const overview = dashboard.classOverview(school.orgMasterId, klas.map(reference));
  expect(overview).toHaveLength(klas.length);
  const total = overview.reduce((sum, row) => sum + row.completed + row.started + row.abandoned, 0);
  expect(total).toBe(messages.filter((message) => message.status !== 'not-started').length);
  expect(overview.flatMap((row) => row.followUp)).toHaveLength(messages.filter((message) => message.pleaseFollowUp).length);
  expect(overview.every((row) => row.results.length === 1 && row.results[0]!.assessment === delivery.assessmentDefinition.name)).toBe(true);
});

it('refuses progress for a student it does not serve (400 / 2002) and keeps it out of the overview', async () => {
  const stranger = world.students.get(world.schools[1]!.orgMasterId)![0]!;
  const progress = createProgressClient({ baseUrl: `${server.url}/progress-api/v0`, tokenProvider: staticToken('learning-environment') });
  const before = dashboard.received.progress.size;
  const sent = {
    id: crypto.randomUUID(),
    student: reference(stranger),
    school: { organisationMasterIdentifier: school.orgMasterId },
    assignableUnitId: 'blok-1',
    status: 'started' as const,
    timestamp: '2026-03-12T10:00:00Z',
  };
  await expect(progress.send(sent)).rejects.toMatchObject({ httpStatus: 400, eduvStatus: 2002 });
  expect(dashboard.received.progress.size).toBe(before);
});
