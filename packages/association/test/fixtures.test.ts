import { createRandom, createSchools, fakeEckId, type FixtureSchool, type Random } from '@eduvkit/core/fixtures';
import { createEmployeesWorld } from '@eduvkit/employees/fixtures';
import { createStudentsWorld } from '@eduvkit/students/fixtures';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createAssociationRecords,
  createAssociationWorld,
  type AssociationEmployeeInput,
  type AssociationRecords,
  type AssociationStudentInput,
} from '../src/fixtures/index';
import { AssignmentSchema, EnrollmentSchema, GroupSchema, SchoolPeriodSchema } from '../src/generated/schemas';

const REFERENCE_INSTANT = '2025-09-01T00:00:00Z';

// One po and one vo school per seed; cached so every property run is cheap.
const schoolCache = new Map<number, FixtureSchool[]>();
function schoolsFor(seed: number): FixtureSchool[] {
  let schools = schoolCache.get(seed);
  if (!schools) {
    schools = createSchools({ seed, po: 1, vo: 1 });
    schoolCache.set(seed, schools);
  }
  return schools;
}

interface InputShape {
  students: number;
  employees: number;
  /** Share of students without an ECK iD. */
  withoutEckId: number;
  roles: 'mixed' | 'no-teaching-role' | 'no-coaching-role';
}

const ROLE_POOL = [
  'teacher',
  'Docent',
  'leerkracht',
  'mentor',
  'coach',
  'Intern-Begeleider',
  'internal-supervisor',
  'care-coordinator',
  'teaching-assistant',
  'directeur',
];

/** Inputs shaped like the Students and Employees fixtures, but varied: any period, offering, subjects and unit. */
function inputsFor(random: Random, school: FixtureSchool, shape: InputShape): { students: AssociationStudentInput[]; employees: AssociationEmployeeInput[] } {
  const { catalogue } = school;
  const units = [...school.locations.map((location) => location.name), undefined];
  const students: AssociationStudentInput[] = [];
  for (let i = 0; i < shape.students; i++) {
    const userIds = [
      { userId: random.guid(), userIdType: 'ASI' },
      ...(random.chance(0.5) ? [{ userId: `${100000 + i}@1.${school.domain}`, userIdType: 'NEPPI' }] : []),
    ];
    const student = random.chance(shape.withoutEckId) ? { userIds } : { userMasterIdentifier: fakeEckId(random), userIds };
    const enrollments = Array.from({ length: random.int(0, 3) }, () => {
      const offering = random.pick(catalogue.studyOfferings);
      const subjects = catalogue.subjectOfferings.filter((subject) => subject.studyOfferingId === offering.id);
      // Mostly the current school year, sometimes last year or a term.
      const period = random.chance(0.7) ? catalogue.periods.find((candidate) => candidate.id === catalogue.currentSchoolYear)! : random.pick(catalogue.periods);
      return {
        schoolPeriodId: period.id,
        studyOfferingId: offering.id,
        subjectOfferingIds: random.sample(subjects, random.int(0, subjects.length)).map((subject) => subject.id),
      };
    });
    const unit = random.pick(units);
    students.push(unit === undefined ? { student, enrollments } : { student, unit, enrollments });
  }
  const employees: AssociationEmployeeInput[] = [];
  for (let i = 0; i < shape.employees; i++) {
    let roles = random.sample(ROLE_POOL, random.int(0, 2));
    if (shape.roles === 'no-teaching-role') roles = roles.length === 0 ? [] : ['administrator'];
    if (shape.roles === 'no-coaching-role') roles = ['teacher'];
    const unit = random.pick(units);
    const employee = { userIds: [{ userId: random.guid(), userIdType: 'ASI' }] };
    employees.push(unit === undefined ? { employee, roles } : { employee, roles, unit });
  }
  return { students, employees };
}

type Ids = { userMasterIdentifier?: string; userIds?: readonly { userId: string; userIdType: string }[] };
const keysOf = (ids: Ids): string[] => [
  ...(ids.userMasterIdentifier ? [`eckId:${ids.userMasterIdentifier}`] : []),
  ...(ids.userIds ?? []).map((id) => `${id.userIdType}:${id.userId}`),
];

function expectValid(schema: { safeParse(value: unknown): { success: boolean; error?: { issues: unknown } } }, value: object): void {
  const parsed = schema.safeParse(value);
  expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error?.issues)).toBe(true);
  // Key order is part of the byte-identical output; no key may hold undefined.
  expect(Object.values(value).some((field) => field === undefined)).toBe(false);
}

function expectStamps(value: { dateCreated: string; dateLastModified: string }): void {
  expect(value.dateCreated <= value.dateLastModified).toBe(true);
  expect(value.dateLastModified <= REFERENCE_INSTANT).toBe(true);
}

/** Everything the records must satisfy relative to the school and the inputs. */
function checkRecords(
  records: AssociationRecords,
  school: FixtureSchool,
  students: readonly AssociationStudentInput[],
  employees: readonly AssociationEmployeeInput[],
): void {
  const { catalogue } = school;
  const periodIds = new Set(catalogue.periods.map((period) => period.id));
  const offeringIds = new Set(catalogue.studyOfferings.map((offering) => offering.id));
  const subjectById = new Map(catalogue.subjectOfferings.map((subject) => [subject.id, subject]));
  const studentKeys = new Map<string, number>();
  students.forEach((input, i) => keysOf(input.student).forEach((key) => studentKeys.set(key, i)));
  const employeeKeys = new Map<string, number>();
  employees.forEach((input, i) => keysOf(input.employee).forEach((key) => employeeKeys.set(key, i)));
  const studentOf = (reference: Ids): number | undefined =>
    keysOf(reference)
      .map((key) => studentKeys.get(key))
      .find((i) => i !== undefined);
  const employeeOf = (reference: Ids): number | undefined =>
    keysOf(reference)
      .map((key) => employeeKeys.get(key))
      .find((i) => i !== undefined);

  // School periods: the catalogue's, same ids and order, hierarchy resolving both ways.
  expect(records.schoolPeriods.map((period) => period.schoolPeriodId)).toEqual(catalogue.periods.map((period) => period.id));
  for (const period of records.schoolPeriods) {
    expectValid(SchoolPeriodSchema, period);
    expectStamps(period);
    if (period.superSchoolPeriod !== undefined) {
      const parent = records.schoolPeriods.find((candidate) => candidate.schoolPeriodId === period.superSchoolPeriod);
      expect(parent?.subSchoolPeriods).toContain(period.schoolPeriodId);
    }
    for (const child of period.subSchoolPeriods ?? []) expect(periodIds.has(child)).toBe(true);
  }

  // Enrollments: one study enrollment per input enrollment plus one per subject offering.
  const expectedCount = students.reduce((sum, input) => sum + input.enrollments.reduce((n, enrollment) => n + 1 + enrollment.subjectOfferingIds.length, 0), 0);
  expect(records.enrollments).toHaveLength(expectedCount);
  expect(new Set(records.enrollments.map((enrollment) => enrollment.enrollmentId)).size).toBe(expectedCount);
  for (const enrollment of records.enrollments) {
    expectValid(EnrollmentSchema, enrollment);
    expectStamps(enrollment);
    const owner = studentOf(enrollment.student);
    expect(owner).toBeDefined();
    const input = students[owner!]!;
    // The reference is the ECK iD when the student has one, else their userIds.
    if (input.student.userMasterIdentifier) expect(enrollment.student).toEqual({ userMasterIdentifier: input.student.userMasterIdentifier });
    else expect(enrollment.student.userIds).toBeDefined();
    expect(periodIds.has(enrollment.schoolPeriod!)).toBe(true);
    if (enrollment.enrollmentType === 'study') {
      expect(enrollment.subject).toBeUndefined();
      expect(offeringIds.has(enrollment.study as string)).toBe(true);
      expect(input.enrollments.some((item) => item.studyOfferingId === enrollment.study && item.schoolPeriodId === enrollment.schoolPeriod)).toBe(true);
    } else {
      expect(enrollment.study).toBeUndefined();
      expect(subjectById.has(enrollment.subject as string)).toBe(true);
      expect(
        input.enrollments.some((item) => item.subjectOfferingIds.includes(enrollment.subject as string) && item.schoolPeriodId === enrollment.schoolPeriod),
      ).toBe(true);
    }
  }

  // Groups and assignments point at each other.
  const groupById = new Map(records.groups.map((group) => [group.groupId, group]));
  const assignmentById = new Map(records.assignments.map((assignment) => [assignment.assignmentId, assignment]));
  expect(groupById.size).toBe(records.groups.length);
  expect(assignmentById.size).toBe(records.assignments.length);
  expect(new Set(records.groups.map((group) => group.groupName)).size).toBe(records.groups.length);
  const factById = new Map(records.facts.groups.map((fact) => [fact.groupId, fact]));
  expect(factById.size).toBe(records.groups.length);
  for (const group of records.groups) {
    expectValid(GroupSchema, group);
    expectStamps(group);
    expect(group.schoolPeriod).toBe(catalogue.currentSchoolYear);
    expect(group.students.length).toBeGreaterThan(0);
    const fact = factById.get(group.groupId)!;
    expect(offeringIds.has(fact.studyOfferingId)).toBe(true);
    for (const student of group.students) {
      const owner = studentOf(student);
      expect(owner).toBeDefined();
      // Members are enrolled in the group's offering this school year, at the group's unit.
      const input = students[owner!]!;
      expect(input.unit).toBe(fact.unit);
      expect(
        input.enrollments.some(
          (item) =>
            item.schoolPeriodId === catalogue.currentSchoolYear &&
            item.studyOfferingId === fact.studyOfferingId &&
            (fact.subjectOfferingId === undefined || item.subjectOfferingIds.includes(fact.subjectOfferingId)),
        ),
      ).toBe(true);
    }
    if (group.groupType === 'class') {
      expect(fact.subjectOfferingId).toBeUndefined();
      expect(group.students.length).toBeLessThanOrEqual(school.sector === 'po' ? 28 : 30);
    } else {
      expect(subjectById.get(fact.subjectOfferingId!)?.studyOfferingId).toBe(fact.studyOfferingId);
      expect(group.students.length).toBeLessThanOrEqual(30);
    }
    for (const assignmentId of group.assignments) {
      const assignment = assignmentById.get(assignmentId);
      expect(assignment?.group).toBe(group.groupId);
      expect(assignment?.assignmentType).toBe(group.groupType === 'class' ? 'class-teacher' : 'teacher');
    }
    // With employees, every group has a teacher.
    if (employees.length > 0) expect(group.assignments.length).toBeGreaterThan(0);
  }
  for (const assignment of records.assignments) {
    expectValid(AssignmentSchema, assignment);
    expectStamps(assignment);
    expect(employeeOf(assignment.employee)).toBeDefined();
    expect(assignment.schoolPeriod).toBe(catalogue.currentSchoolYear);
    if (assignment.assignmentType === 'coach') {
      expect(assignment.group).toBeUndefined();
      expect(studentOf(assignment.student!)).toBeDefined();
    } else {
      expect(assignment.student).toBeUndefined();
      expect(groupById.get(assignment.group!)?.assignments).toContain(assignment.assignmentId);
    }
  }

  // Facts: every person of the inputs, with their unit.
  expect(records.facts.students.map((fact) => fact.unit)).toEqual(students.map((input) => input.unit));
  expect(records.facts.employees.map((fact) => fact.unit)).toEqual(employees.map((input) => input.unit));
}

const shapes = fc.record({
  students: fc.constantFrom(0, 1, 5, 40, 90),
  employees: fc.constantFrom(0, 1, 3, 12),
  withoutEckId: fc.constantFrom(0, 0.1, 1),
  roles: fc.constantFrom<InputShape['roles']>('mixed', 'no-teaching-role', 'no-coaching-role'),
});

describe('createAssociationRecords', () => {
  it('makes objects that pass the schemas and references that resolve (property)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.constantFrom(0, 1), fc.integer(), shapes, (seed, schoolIndex, inputSeed, shape) => {
        const school = schoolsFor(seed)[schoolIndex]!;
        const { students, employees } = inputsFor(createRandom(inputSeed), school, shape);
        checkRecords(createAssociationRecords({ seed, school, students, employees }), school, students, employees);
      }),
      { numRuns: 25 },
    );
  });

  it('is deterministic: same seed and inputs, byte-identical output; another seed, other ids', () => {
    fc.assert(
      fc.property(fc.integer(), fc.constantFrom(0, 1), (seed, schoolIndex) => {
        const school = schoolsFor(seed)[schoolIndex]!;
        const shape: InputShape = { students: 30, employees: 6, withoutEckId: 0.1, roles: 'mixed' };
        const inputs = () => inputsFor(createRandom(seed).fork('inputs'), school, shape);
        const a = createAssociationRecords({ seed, school, ...inputs() });
        const b = createAssociationRecords({ seed, school, ...inputs() });
        expect(a).toEqual(b);
        expect(JSON.stringify(a)).toBe(JSON.stringify(b));
        const other = createAssociationRecords({ seed: seed + 1, school, ...inputs() });
        expect(other.enrollments.map((enrollment) => enrollment.enrollmentId)).not.toEqual(a.enrollments.map((enrollment) => enrollment.enrollmentId));
      }),
      { numRuns: 20 },
    );
  });

  it("keeps a student's enrollment ids when other students are added", () => {
    const [, vo] = schoolsFor(4);
    const { students, employees } = inputsFor(createRandom(9), vo!, { students: 20, employees: 4, withoutEckId: 0.1, roles: 'mixed' });
    const few = createAssociationRecords({ seed: 4, school: vo!, students: students.slice(5, 10), employees });
    const many = createAssociationRecords({ seed: 4, school: vo!, students, employees });
    const idsOf = (records: AssociationRecords) => new Set(records.enrollments.map((enrollment) => enrollment.enrollmentId));
    const all = idsOf(many);
    for (const id of idsOf(few)) expect(all.has(id)).toBe(true);
  });

  it('builds po classes per groep and vo classes plus lesson groups, with class-teachers, teachers and coaches', () => {
    const [po, vo] = schoolsFor(12);
    for (const school of [po!, vo!]) {
      const year = school.catalogue.currentSchoolYear;
      const students: AssociationStudentInput[] = Array.from({ length: 70 }, (_, i) => {
        const offering = school.catalogue.studyOfferings[i % 3]!;
        const subjects = school.catalogue.subjectOfferings.filter((subject) => subject.studyOfferingId === offering.id);
        return {
          student: { userMasterIdentifier: `https://ketenid.nl/201703/${String(i).padStart(128, '0')}` },
          unit: school.locations[0]!.name,
          enrollments: [{ schoolPeriodId: year, studyOfferingId: offering.id, subjectOfferingIds: subjects.map((subject) => subject.id) }],
        };
      });
      const employees: AssociationEmployeeInput[] = Array.from({ length: 10 }, (_, i) => ({
        employee: { userIds: [{ userId: `employee-${i}`, userIdType: 'ASI' }] },
        roles: i === 9 ? ['intern begeleider'] : ['teacher'],
      }));
      const records = createAssociationRecords({ seed: 12, school, students, employees });
      checkRecords(records, school, students, employees);
      const classes = records.groups.filter((group) => group.groupType === 'class');
      // 70 students over 3 offerings: 24, 23, 23 → one class each.
      expect(classes).toHaveLength(3);
      if (school.sector === 'po') {
        expect(classes.map((group) => group.groupName)).toEqual(['groep 1a', 'groep 2a', 'groep 3a']);
        expect(records.groups.every((group) => group.groupType === 'class')).toBe(true);
        expect(records.enrollments.every((enrollment) => enrollment.enrollmentType === 'study')).toBe(true);
      } else {
        expect(classes.map((group) => group.groupName)).toEqual(['vwo 1a', 'vwo 2a', 'vwo 3a']);
        expect(records.groups.some((group) => group.groupName === 'vwo 1a ne')).toBe(true);
        expect(records.assignments.some((assignment) => assignment.assignmentType === 'teacher')).toBe(true);
        expect(records.enrollments.some((enrollment) => enrollment.enrollmentType === 'subject')).toBe(true);
      }
      const coaches = records.assignments.filter((assignment) => assignment.assignmentType === 'coach');
      expect(coaches.length).toBeGreaterThanOrEqual(1);
      // The intern begeleider coaches; teachers teach.
      expect(coaches.every((assignment) => assignment.employee.userIds![0]!.userId === 'employee-9')).toBe(true);
      expect(
        records.assignments
          .filter((assignment) => assignment.assignmentType !== 'coach')
          .every((assignment) => assignment.employee.userIds![0]!.userId !== 'employee-9'),
      ).toBe(true);
    }
  });

  it('reads the role names of the Employees fixtures: vo mentors are class-teachers, care staff coach, assistants do not teach', () => {
    const [, vo] = schoolsFor(21);
    const offering = vo!.catalogue.studyOfferings[0]!;
    const students: AssociationStudentInput[] = Array.from({ length: 50 }, (_, i) => ({
      student: { userIds: [{ userId: `s${i}`, userIdType: 'ASI' }] },
      enrollments: [{ schoolPeriodId: vo!.catalogue.currentSchoolYear, studyOfferingId: offering.id, subjectOfferingIds: [] }],
    }));
    const roles = [['director'], ['teacher', 'mentor'], ['teacher'], ['teacher'], ['teaching-assistant'], ['care-coordinator'], ['teacher', 'mentor']];
    const employees: AssociationEmployeeInput[] = roles.map((list, i) => ({ employee: { userIds: [{ userId: `e${i}`, userIdType: 'ASI' }] }, roles: list }));
    const records = createAssociationRecords({ seed: 21, school: vo!, students, employees });
    checkRecords(records, vo!, students, employees);
    const who = (type: string) => new Set(records.assignments.filter((item) => item.assignmentType === type).map((item) => item.employee.userIds![0]!.userId));
    expect([...who('class-teacher')].sort()).toEqual(['e1', 'e6']);
    for (const id of who('coach')) expect(['e1', 'e5', 'e6']).toContain(id);
    expect(who('coach').size).toBeGreaterThan(0);
    for (const type of ['class-teacher', 'teacher', 'coach']) for (const id of ['e0', 'e4']) expect(who(type).has(id)).toBe(false);
  });

  it('splits large offerings into classes of at most 28 (po) and names them a, b, c', () => {
    const [po] = schoolsFor(3);
    const offering = po!.catalogue.studyOfferings[4]!;
    const students: AssociationStudentInput[] = Array.from({ length: 60 }, (_, i) => ({
      student: { userIds: [{ userId: `s${i}`, userIdType: 'ASI' }] },
      enrollments: [{ schoolPeriodId: po!.catalogue.currentSchoolYear, studyOfferingId: offering.id, subjectOfferingIds: [] }],
    }));
    const records = createAssociationRecords({ seed: 3, school: po!, students, employees: [] });
    expect(records.groups.map((group) => [group.groupName, group.students.length])).toEqual([
      ['groep 5a', 20],
      ['groep 5b', 20],
      ['groep 5c', 20],
    ]);
    expect(records.assignments).toEqual([]);
    expect(records.groups[0]!.students[0]).toEqual({ userIds: [{ userId: 's0', userIdType: 'ASI' }] });
  });

  it('rejects inputs that cannot be referenced', () => {
    const [po] = schoolsFor(1);
    const offering = po!.catalogue.studyOfferings[0]!.id;
    const ok = { schoolPeriodId: '2025-2026', studyOfferingId: offering, subjectOfferingIds: [] };
    const make =
      (students: AssociationStudentInput[], employees: AssociationEmployeeInput[] = []) =>
      () =>
        createAssociationRecords({ seed: 1, school: po!, students, employees });
    const student = { userMasterIdentifier: 'https://ketenid.nl/201703/abc' };
    expect(make([{ student, enrollments: [{ ...ok, schoolPeriodId: '1999-2000' }] }])).toThrow(RangeError);
    expect(make([{ student, enrollments: [{ ...ok, studyOfferingId: 'nope' }] }])).toThrow(RangeError);
    expect(make([{ student, enrollments: [{ ...ok, subjectOfferingIds: ['nope'] }] }])).toThrow(RangeError);
    expect(make([{ student: { userIds: [{ userId: 'x', userIdType: 'unknown-type' }] }, enrollments: [ok] }])).toThrow(RangeError);
    expect(make([], [{ employee: { userIds: [] }, roles: ['teacher'] }])).toThrow(RangeError);
  });
});

describe('createAssociationWorld', () => {
  it('builds the records over the Students and Employees worlds of the seed, as the mock does', () => {
    const world = createAssociationWorld({ seed: 5 });
    expect(world.schools.map((school) => school.sector)).toEqual(['po', 'po', 'vo']);
    expect([...world.records.keys()]).toEqual(world.schools.map((school) => school.orgMasterId));
    for (const school of world.schools) {
      const students = world.students.get(school.orgMasterId)!;
      const employees = world.employees.get(school.orgMasterId)!;
      expect(students).toEqual(createStudentsWorld({ seed: 5 }).students.get(school.orgMasterId));
      expect(employees).toEqual(createEmployeesWorld({ seed: 5 }).employees.get(school.orgMasterId));
      const records = world.records.get(school.orgMasterId)!;
      checkRecords(records, school, students, employees);
      expect(records).toEqual(createAssociationRecords({ seed: 5, school, students, employees }));
      expect(records.assignments.some((assignment) => assignment.assignmentType === 'coach')).toBe(true);
      expect(records.groups.filter((group) => group.groupType === 'class').length).toBeGreaterThanOrEqual(school.catalogue.studyOfferings.length);
    }
    expect(JSON.stringify([...createAssociationWorld({ seed: 5 }).records])).toBe(JSON.stringify([...world.records]));
    expect(createAssociationWorld({ seed: 5, po: 1, vo: 0 }).schools).toHaveLength(1);
  });
});
