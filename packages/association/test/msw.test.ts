import { EduvApiError, EduvValidationError, staticToken } from '@eduvkit/core';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAssociationClient } from '../src/index';
import { createAssociationWorld } from '../src/fixtures/index';
import { UserIdTypeSchema } from '../src/generated/schemas';
import { DEFAULT_ASSOCIATION_BASE_URL, associationHandlers, associationOverride } from '../src/msw/index';

// A consumer's test: the supplier's code under test talks to "the bron", MSW answers.
const server = setupServer(...associationHandlers({ seed: 5 }));
const world = createAssociationWorld({ seed: 5 });
const po = world.schools.find((school) => school.sector === 'po')!;
const vo = world.schools.find((school) => school.sector === 'vo')!;
const recordsOf = (school: { orgMasterId: string }) => world.records.get(school.orgMasterId)!;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** What the client waited before each retry (the test does not really wait). */
const slept: number[] = [];
const client = createAssociationClient({
  baseUrl: DEFAULT_ASSOCIATION_BASE_URL,
  tokenProvider: staticToken('test-token'),
  validation: 'strict',
  retry: { baseDelayMs: 1, maxDelayMs: 5, sleep: async (ms) => void slept.push(ms) },
});

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );

describe('Association MSW handlers: school periods', () => {
  it('list the periods of the seeded world and get one by id', async () => {
    const { data, apiVersion } = await client.listSchoolPeriods({ orgMasterId: po.orgMasterId });
    expect(apiVersion).toBe('1.1.0');
    expect(data).toEqual(recordsOf(po).schoolPeriods);
    expect(data.map((period) => period.schoolPeriodId)).toEqual(po.catalogue.periods.map((period) => period.id));
    const { data: year } = await client.getSchoolPeriod({ orgMasterId: po.orgMasterId }, '2025-2026');
    expect(year).toMatchObject({ schoolPeriodId: '2025-2026', type: 'schoolYear', startDate: '2025-08-01', endDate: '2026-08-01' });
    expect(year.subSchoolPeriods).toHaveLength(2);
  });

  it('answer an unknown school period id with 404 / 2008', async () => {
    const error = await failure(client.getSchoolPeriod({ orgMasterId: po.orgMasterId }, '1999-2000'));
    expect(error).toBeInstanceOf(EduvApiError);
    expect(error).toMatchObject({ httpStatus: 404, eduvStatus: 2008, eduvStatusCode: '2008' });
  });
});

describe('Association MSW handlers: enrollments', () => {
  it('list, filter and get enrollments', async () => {
    const records = recordsOf(vo);
    const { data } = await client.listEnrollments({ orgMasterId: vo.orgMasterId });
    expect(data).toEqual(records.enrollments);

    const { data: studies } = await client.listEnrollments({ orgMasterId: vo.orgMasterId }, { enrollmentType: 'study', schoolPeriodId: '2025-2026' });
    expect(studies).toEqual(records.enrollments.filter((item) => item.enrollmentType === 'study' && item.schoolPeriod === '2025-2026'));
    // Every student of the school (the Students world of the seed) follows one study this year.
    expect(studies).toHaveLength(world.students.get(vo.orgMasterId)!.length);

    const subject = records.enrollments.find((item) => item.enrollmentType === 'subject')!;
    const { data: inSubject } = await client.listEnrollments({ orgMasterId: vo.orgMasterId }, { subjectOfferingId: subject.subject as string });
    expect(inSubject.length).toBeGreaterThan(0);
    expect(inSubject.every((item) => item.subject === subject.subject)).toBe(true);

    // A study offering filter also selects the subject enrollments of that offering's subjects.
    const offering = vo.catalogue.studyOfferings[0]!;
    const { data: inOffering } = await client.listEnrollments({ orgMasterId: vo.orgMasterId }, { studyOfferingId: offering.id });
    const offeringSubjects = new Set(vo.catalogue.subjectOfferings.filter((item) => item.studyOfferingId === offering.id).map((item) => item.id));
    expect(inOffering.filter((item) => item.enrollmentType === 'study').every((item) => item.study === offering.id)).toBe(true);
    expect(inOffering.some((item) => item.enrollmentType === 'subject' && offeringSubjects.has(item.subject as string))).toBe(true);

    const { data: one } = await client.getEnrollment({ orgMasterId: vo.orgMasterId }, subject.enrollmentId);
    expect(one).toEqual(subject);
  });

  it('treat a term as part of its school year in the schoolPeriodId filter', async () => {
    const term = po.catalogue.periods.find((period) => period.superSchoolPeriod === '2025-2026')!;
    const { data } = await client.listEnrollments({ orgMasterId: po.orgMasterId }, { schoolPeriodId: term.id });
    expect(data).toEqual(recordsOf(po).enrollments.filter((item) => item.schoolPeriod === '2025-2026'));
  });

  it('find the enrollments of one student by ECK iD, by userIds, and by a secondary id the references do not carry', async () => {
    const students = world.students.get(vo.orgMasterId)!;
    const records = recordsOf(vo);
    const withEck = students.find((input) => input.student.userMasterIdentifier)!;
    const own = records.enrollments.filter((item) => item.student.userMasterIdentifier === withEck.student.userMasterIdentifier);
    const { data: byEck } = await client.findEnrollmentsForStudent({ orgMasterId: vo.orgMasterId }, withEck.student.userMasterIdentifier!);
    expect(byEck).toEqual(own);
    // Enrollments reference the ECK iD, but the school knows the student's secondary ids too.
    const { userId, userIdType } = withEck.student.userIds![0]!;
    const secondary = { userId, userIdType: UserIdTypeSchema.parse(userIdType) };
    const { data: bySecondary } = await client.findEnrollmentsForStudent({ orgMasterId: vo.orgMasterId }, { userIds: [secondary] });
    expect(bySecondary).toEqual(own);
    const { data: filtered } = await client.findEnrollmentsForStudent({ orgMasterId: vo.orgMasterId }, withEck.student.userMasterIdentifier!, {
      enrollmentType: 'study',
    });
    expect(filtered).toEqual(own.filter((item) => item.enrollmentType === 'study'));

    const withoutEck = students.find((input) => !input.student.userMasterIdentifier)!;
    const only = withoutEck.student.userIds![0]!;
    const reference = { userIds: [{ userId: only.userId, userIdType: UserIdTypeSchema.parse(only.userIdType) }] };
    const { data: byUserIds } = await client.findEnrollmentsForStudent({ orgMasterId: vo.orgMasterId }, reference);
    expect(byUserIds.length).toBeGreaterThan(0);
    expect(byUserIds.every((item) => item.student.userIds?.[0]?.userId === reference.userIds[0]!.userId)).toBe(true);
  });

  it('refuse unknown filters with 2008, 2003 and 2005, and unknown ids and students with 404', async () => {
    const school = { orgMasterId: vo.orgMasterId };
    const cases = [
      [{ schoolPeriodId: '1999-2000' }, 2008],
      [{ studyOfferingId: 'not-an-offering' }, 2003],
      [{ subjectOfferingId: 'not-a-subject' }, 2005],
    ] as const;
    for (const [filters, status] of cases) {
      expect(await failure(client.listEnrollments(school, filters))).toMatchObject({ httpStatus: 400, eduvStatus: status });
      expect(await failure(client.findEnrollmentsForStudent(school, `https://ketenid.nl/201703/${'0'.repeat(128)}`, filters))).toMatchObject({
        httpStatus: 400,
        eduvStatus: status,
      });
    }
    expect(await failure(client.getEnrollment(school, 'no-such-enrollment'))).toMatchObject({ httpStatus: 404, eduvStatus: 2007 });
    expect(await failure(client.findEnrollmentsForStudent(school, `https://ketenid.nl/201703/${'0'.repeat(128)}`))).toMatchObject({
      httpStatus: 404,
      eduvStatus: 2002,
    });
    // A student of another school is nobody here.
    const elsewhere = world.students.get(po.orgMasterId)!.find((input) => input.student.userMasterIdentifier)!;
    expect(await failure(client.findEnrollmentsForStudent(school, elsewhere.student.userMasterIdentifier!))).toMatchObject({
      httpStatus: 404,
      eduvStatus: 2002,
    });
  });
});

describe('Association MSW handlers: groups and assignments', () => {
  it('list, filter and get groups', async () => {
    const records = recordsOf(vo);
    const school = { orgMasterId: vo.orgMasterId };
    const { data } = await client.listGroups(school);
    expect(data).toEqual(records.groups);
    const { data: classes } = await client.listGroups(school, { groupType: 'class' });
    expect(classes.map((group) => group.groupName)).toContain('havo 4a');
    expect(classes.every((group) => group.groupType === 'class')).toBe(true);

    const havo4 = vo.catalogue.studyOfferings.find((offering) => offering.name === 'havo 4')!;
    const { data: ofHavo4 } = await client.listGroups(school, { studyOfferingId: havo4.id });
    expect(ofHavo4.length).toBeGreaterThan(1);
    expect(ofHavo4.every((group) => group.groupName.startsWith('havo 4'))).toBe(true);

    const dutch = vo.catalogue.subjectOfferings.find((subject) => subject.name === 'Nederlands havo 4')!;
    const { data: ofDutch } = await client.listGroups(school, { subjectOfferingId: dutch.id });
    expect(ofDutch.length).toBeGreaterThan(0);
    expect(ofDutch.every((group) => group.groupName.startsWith('havo 4') && group.groupName.endsWith(' ne'))).toBe(true);

    const { data: one } = await client.getGroup(school, ofDutch[0]!.groupId);
    expect(one).toEqual(ofDutch[0]);
    expect(await failure(client.getGroup(school, 'no-such-group'))).toMatchObject({ httpStatus: 404, eduvStatus: 2006 });
    expect(await failure(client.listGroups(school, { studyOfferingId: 'nope' }))).toMatchObject({ httpStatus: 400, eduvStatus: 2003 });
  });

  it('limit lists to a vestiging with filterByOrgId, but not school periods', async () => {
    const vid = vo.ids.find((id) => id.type === 'V_ID')!;
    const unitStudents = world.students.get(vo.orgMasterId)!.filter((input) => input.unit === vid.unit);
    const { data: groups } = await client.listGroups({ orgId: vid.id, orgIdType: 'V_ID', filterByOrgId: true });
    const { data: everything } = await client.listGroups({ orgId: vid.id, orgIdType: 'V_ID' });
    expect(everything).toEqual(recordsOf(vo).groups);
    expect(groups.length).toBeGreaterThan(0);
    expect(groups.length).toBeLessThan(everything.length);
    const unitEcks = new Set(unitStudents.map((input) => input.student.userMasterIdentifier).filter(Boolean));
    expect(
      groups
        .flatMap((group) => group.students)
        .filter((student) => student.userMasterIdentifier)
        .every((student) => unitEcks.has(student.userMasterIdentifier)),
    ).toBe(true);
    const { data: enrollments } = await client.listEnrollments({ orgId: vid.id, orgIdType: 'V_ID', filterByOrgId: true });
    expect(enrollments.length).toBeLessThan(recordsOf(vo).enrollments.length);
    const { data: periods } = await client.listSchoolPeriods({ orgId: vid.id, orgIdType: 'V_ID', filterByOrgId: true });
    expect(periods).toHaveLength(vo.catalogue.periods.length);
    // A by-id lookup is not limited to the unit.
    const elsewhere = everything.find((group) => !groups.some((candidate) => candidate.groupId === group.groupId))!;
    const { data: found } = await client.getGroup({ orgId: vid.id, orgIdType: 'V_ID', filterByOrgId: true }, elsewhere.groupId);
    expect(found.groupId).toBe(elsewhere.groupId);
  });

  it('list, filter, get and search assignments', async () => {
    const records = recordsOf(po);
    const school = { orgMasterId: po.orgMasterId };
    const { data } = await client.listAssignments(school);
    expect(data).toEqual(records.assignments);
    const { data: coaches } = await client.listAssignments(school, { assignmentType: 'coach' });
    expect(coaches.length).toBeGreaterThan(0);
    expect(coaches.every((assignment) => assignment.assignmentType === 'coach' && assignment.student !== undefined)).toBe(true);

    const classTeacher = records.assignments.find((assignment) => assignment.assignmentType === 'class-teacher')!;
    const { data: one } = await client.getAssignment(school, classTeacher.assignmentId);
    expect(one).toEqual(classTeacher);
    const { data: group } = await client.getGroup(school, one.group!);
    expect(group.assignments).toContain(one.assignmentId);

    const { data: own } = await client.findAssignmentsForEmployee(school, one.employee);
    expect(own).toEqual(records.assignments.filter((assignment) => assignment.employee.userIds![0]!.userId === one.employee.userIds![0]!.userId));
    const { data: none } = await client.findAssignmentsForEmployee(school, one.employee, { assignmentType: 'coach' });
    expect(none).toEqual([]);

    expect(await failure(client.getAssignment(school, 'no-such-assignment'))).toMatchObject({ httpStatus: 404, eduvStatus: 2007 });
    const nobody = { userIds: [{ userId: 'nobody', userIdType: 'ASI' as const }] };
    expect(await failure(client.findAssignmentsForEmployee(school, nobody))).toMatchObject({ httpStatus: 404, eduvStatus: 2004 });
    expect(await failure(client.listAssignments(school, { schoolPeriodId: '1999-2000' }))).toMatchObject({ httpStatus: 400, eduvStatus: 2008 });
  });
});

describe('Association MSW overrides', () => {
  it('let a test make one call fail with 503 + Retry-After, which the client honours before retrying', async () => {
    slept.length = 0;
    server.use(associationOverride('listGroupsForSchool', { status: 503, headers: { 'Retry-After': '3' }, once: true }));
    const { data } = await client.listGroups({ orgMasterId: po.orgMasterId });
    expect(data.length).toBeGreaterThan(0);
    expect(slept).toEqual([3_000]);
  });

  it('let a test simulate a missing consent', async () => {
    server.use(associationOverride('findEnrollmentsForStudent', { status: 403 }));
    const error = await failure(client.findEnrollmentsForStudent({ orgMasterId: po.orgMasterId }, 'https://ketenid.nl/201703/abc'));
    expect(error).toBeInstanceOf(EduvApiError);
    expect(error).toMatchObject({ httpStatus: 403, eduvStatus: 22, eduvStatusCode: '0022' });
  });

  it('let a test serve a malformed body, which strict validation reports field by field', async () => {
    server.use(associationOverride('listGroupsForSchool', { status: 200, body: [{ groupName: '5a', groupType: 'klas' }] }));
    const error = await failure(client.listGroups({ orgMasterId: po.orgMasterId }));
    expect(error).toBeInstanceOf(EduvValidationError);
    const paths = (error as EduvValidationError).issues.map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['$[0].groupId', '$[0].groupType', '$[0].students']));
  });
});
