import { resolveSchool, selectionFromSchoolReference } from '@eduvkit/core';
import { describe, expect, it } from 'vitest';
import { createMockWorld, type MockWorld, type WorldSize } from '../src/index';

type Ref = { userMasterIdentifier?: string; userIds?: readonly { userId: string; userIdType: string }[] };
const idOf = (value: string | Record<string, unknown> | undefined, field: string): string | undefined =>
  typeof value === 'string' ? value : (value?.[field] as string | undefined);

/** Walks every reference in the world; returns a description of each one that does not resolve. */
function brokenReferences(world: MockWorld): string[] {
  const broken: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok && broken.length < 20) broken.push(what);
  };

  const seenSecondaryIds = new Set<string>();
  for (const school of world.schools) {
    for (const id of school.ids) {
      const key = `${id.type}:${id.id}`;
      check(!seenSecondaryIds.has(key), `${key} names two schools`);
      seenSecondaryIds.add(key);
    }
  }

  for (const school of world.schools) {
    const at = school.orgMasterId;
    const periods = new Set(school.catalogue.periods.map((period) => period.id));
    const studies = new Set(school.catalogue.studyOfferings.map((offering) => offering.id));
    const subjects = new Set(school.catalogue.subjectOfferings.map((offering) => offering.id));
    const units = new Set(school.ids.filter((id) => id.type === 'V_ID').map((id) => id.unit ?? id.id));
    const people = new Set<string>();
    const remember = (ref: Ref) => {
      if (ref.userMasterIdentifier) people.add(`eckId:${ref.userMasterIdentifier}`);
      for (const id of ref.userIds ?? []) people.add(`${id.userIdType}:${id.userId}`);
    };
    const known = (ref: Ref | undefined) =>
      ref !== undefined &&
      ((ref.userMasterIdentifier !== undefined && people.has(`eckId:${ref.userMasterIdentifier}`)) ||
        (ref.userIds ?? []).some((id) => people.has(`${id.userIdType}:${id.userId}`)));

    for (const record of world.students.get(at)!) {
      remember(record.student);
      check(record.unit === undefined || units.has(record.unit), `${at}: student unit ${record.unit}`);
      for (const enrollment of record.enrollments) {
        check(periods.has(enrollment.schoolPeriodId), `${at}: student enrollment period ${enrollment.schoolPeriodId}`);
        check(studies.has(enrollment.studyOfferingId), `${at}: student enrollment study ${enrollment.studyOfferingId}`);
        for (const subject of enrollment.subjectOfferingIds) check(subjects.has(subject), `${at}: student subject ${subject}`);
      }
    }
    const staff = new Set<string>();
    for (const record of world.employees.get(at)!) {
      for (const id of record.employee.userIds ?? []) staff.add(`${id.userIdType}:${id.userId}`);
      check(record.unit === undefined || units.has(record.unit), `${at}: employee unit ${record.unit}`);
      for (const period of record.schoolPeriodIds) check(periods.has(period), `${at}: employee period ${period}`);
      for (const role of record.employee.organisationRoles ?? []) {
        if (!role.organisation) continue;
        const selection = selectionFromSchoolReference(role.organisation);
        const resolved = selection.ok ? resolveSchool(selection.selection, world.schools) : undefined;
        check(resolved?.ok === true && resolved.school.orgMasterId === at, `${at}: employee role organisation`);
      }
    }

    const organisation = world.education.organisations.get(at);
    check(organisation !== undefined, `${at}: no Education organisation`);
    const educationStudies = world.education.studyOfferings.get(at) ?? [];
    check(
      educationStudies
        .map((offering) => offering.studyOfferingId)
        .sort()
        .join() === [...studies].sort().join(),
      `${at}: Education study offerings differ from the catalogue`,
    );
    for (const subject of world.education.subjectOfferings.get(at) ?? []) {
      check(subjects.has(subject.subjectOfferingId), `${at}: Education subject ${subject.subjectOfferingId}`);
      for (const study of subject.studyOfferings ?? []) check(studies.has(idOf(study, 'studyOfferingId')!), `${at}: subject's study offering`);
    }

    const association = world.association.get(at)!;
    check(
      association.schoolPeriods.every((period) => periods.has(period.schoolPeriodId)),
      `${at}: Association school period`,
    );
    const groups = new Set(association.groups.map((group) => group.groupId));
    const assignments = new Set(association.assignments.map((assignment) => assignment.assignmentId));
    for (const enrollment of association.enrollments) {
      check(known(enrollment.student), `${at}: enrollment ${enrollment.enrollmentId} student`);
      if (enrollment.study) check(studies.has(idOf(enrollment.study, 'studyOfferingId')!), `${at}: enrollment study`);
      if (enrollment.subject) check(subjects.has(idOf(enrollment.subject, 'subjectOfferingId')!), `${at}: enrollment subject`);
      if (enrollment.schoolPeriod) check(periods.has(enrollment.schoolPeriod), `${at}: enrollment period`);
    }
    for (const group of association.groups) {
      check(periods.has(group.schoolPeriod), `${at}: group ${group.groupId} period`);
      for (const student of group.students) check(known(student), `${at}: group ${group.groupId} student`);
      for (const assignment of group.assignments) check(assignments.has(assignment), `${at}: group ${group.groupId} assignment ${assignment}`);
    }
    for (const assignment of association.assignments) {
      check(
        (assignment.employee.userIds ?? []).some((id) => staff.has(`${id.userIdType}:${id.userId}`)),
        `${at}: assignment employee`,
      );
      if (assignment.group) check(groups.has(assignment.group), `${at}: assignment group ${assignment.group}`);
      if (assignment.student) check(known(assignment.student), `${at}: assignment student`);
      if (assignment.schoolPeriod) check(periods.has(assignment.schoolPeriod), `${at}: assignment period`);
    }
  }
  return broken;
}

describe('the mock world', () => {
  it.each<WorldSize>(['small', 'medium', 'large'])(
    'is consistent at size %s: every reference resolves',
    (size) => {
      const world = createMockWorld(3, size);
      expect(world.schools.some((school) => school.sector === 'po')).toBe(true);
      expect(world.schools.some((school) => school.sector === 'vo')).toBe(true);
      expect(brokenReferences(world)).toEqual([]);
    },
    240_000,
  );

  it('is the same for the same seed and different for another', () => {
    const names = (seed: number) =>
      createMockWorld(seed)
        .schools.map((school) => school.name)
        .join();
    expect(names(8)).toEqual(names(8));
    expect(names(8)).not.toEqual(names(9));
  });

  it('has about 100,000 students at size large', () => {
    const world = createMockWorld(1, 'large');
    const students = [...world.students.values()].reduce((total, records) => total + records.length, 0);
    expect(students).toBeGreaterThanOrEqual(95_000);
    expect(students).toBeLessThanOrEqual(105_000);
  }, 60_000);

  it('notices a broken reference', () => {
    const world = createMockWorld(3);
    const first = world.association.get(world.schools[0]!.orgMasterId)!;
    first.groups[0]!.assignments.push('no-such-assignment');
    expect(brokenReferences(world).join()).toContain('no-such-assignment');
  });
});
