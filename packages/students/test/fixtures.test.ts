import { EduvConfigError } from '@eduvkit/core';
import { createSchools, epochDay, parseIsoDate, type FixtureSchool } from '@eduvkit/core/fixtures';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createStudentRecords, createStudentsWorld, nominalAge, type StudentRecord } from '../src/fixtures/index';
import { StudentSchema } from '../src/generated/schemas';

const ECK_ID = /^https:\/\/ketenid\.nl\/201703\/[0-9a-f]{128}$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const POSTAL_CODE = /^[1-9]\d{3} [A-Z]{2}$/;
const REFERENCE_INSTANT = '2025-09-01T00:00:00Z';
const OCTOBER_FIRST_2025 = epochDay(2025, 10, 1);

// One po and one vo school per seed; the schools are cached so every property run is cheap.
const schoolCache = new Map<number, FixtureSchool[]>();
function schoolsFor(seed: number): FixtureSchool[] {
  let schools = schoolCache.get(seed);
  if (!schools) {
    schools = createSchools({ seed, po: 1, vo: 1 });
    schoolCache.set(seed, schools);
  }
  return schools;
}

/** Whole years between a birth date and 1 October 2025. */
function ageOnOctoberFirst(dateOfBirth: string): number {
  const [year, month, day] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const birthdayPassed = month < 10 || (month === 10 && day <= 1);
  return 2025 - year - (birthdayPassed ? 0 : 1);
}

/** Everything a record must satisfy, relative to its school. */
function checkRecord(record: StudentRecord, school: FixtureSchool): void {
  const { student, enrollments, unit } = record;
  const parsed = StudentSchema.safeParse(student);
  expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues)).toBe(true);

  if (student.userMasterIdentifier !== undefined) {
    expect(student.userMasterIdentifier).toMatch(ECK_ID);
  }
  const userIds = student.userIds ?? [];
  const asi = userIds.filter((id) => id.userIdType === 'ASI');
  expect(asi).toHaveLength(1);
  expect(asi[0]!.userId).toMatch(GUID);
  expect(new Set(userIds.map((id) => id.userIdType)).size).toBe(userIds.length);
  for (const id of userIds) {
    if (id.userIdType === 'NEPPI') expect(id.userId).toMatch(new RegExp(`^\\d+@\\d+\\.${school.domain.replace(/\./g, '\\.')}$`));
    if (id.userIdType === 'NEPRI') expect(id.userId).toMatch(/^[^@\s]+@[^@\s]+$/);
  }
  expect(student.email).toMatch(new RegExp(`^l\\d+@${school.domain.replace(/\./g, '\\.')}$`));
  expect(student.givenName.length).toBeGreaterThan(0);
  expect(student.familyName.length).toBeGreaterThan(0);
  expect(student.deliveryAddress?.postalCode).toMatch(POSTAL_CODE);
  expect(student.deliveryAddress?.countryCode).toBe('NL');
  expect(student.deliveryAddress?.emailAddresses?.length).toBeGreaterThanOrEqual(1);
  expect(student.dateCreated! <= student.dateLastModified!).toBe(true);
  expect(student.dateLastModified! <= REFERENCE_INSTANT).toBe(true);
  // Key order is part of the byte-identical output; no key may hold undefined.
  expect(Object.values(student).some((value) => value === undefined)).toBe(false);

  // The unit is one of the school's V_ID units.
  const units = school.ids.filter((id) => id.type === 'V_ID').map((id) => id.unit);
  expect(units).toContain(unit);

  // Enrollments reference the school's own catalogue; the last one is the current school year.
  const { catalogue } = school;
  expect(enrollments.length).toBeGreaterThanOrEqual(1);
  expect(enrollments.at(-1)!.schoolPeriodId).toBe(catalogue.currentSchoolYear);
  for (const enrollment of enrollments) {
    expect(catalogue.periods.some((period) => period.id === enrollment.schoolPeriodId)).toBe(true);
    const offering = catalogue.studyOfferings.find((candidate) => candidate.id === enrollment.studyOfferingId);
    expect(offering).toBeDefined();
    for (const subjectId of enrollment.subjectOfferingIds) {
      const subject = catalogue.subjectOfferings.find((candidate) => candidate.id === subjectId);
      expect(subject?.studyOfferingId).toBe(offering!.id);
    }
    expect(new Set(enrollment.subjectOfferingIds).size).toBe(enrollment.subjectOfferingIds.length);
    if (school.sector === 'po') {
      expect(enrollment.subjectOfferingIds).toEqual([]);
    } else {
      expect(enrollment.subjectOfferingIds.length).toBeGreaterThan(0);
    }
  }
  if (enrollments.length === 2) {
    const [previous, current] = enrollments.map((enrollment) => catalogue.studyOfferings.find((offering) => offering.id === enrollment.studyOfferingId)!);
    expect(enrollments[0]!.schoolPeriodId).toBe('2024-2025');
    expect(previous!.track).toBe(current!.track);
    expect(previous!.studyYear).toBe(current!.studyYear - 1);
  }

  // The age fits the grade: nominal age on 1 October 2025, one year younger or two years older.
  const current = catalogue.studyOfferings.find((offering) => offering.id === enrollments.at(-1)!.studyOfferingId)!;
  const age = ageOnOctoberFirst(student.dateOfBirth!);
  expect(age).toBeGreaterThanOrEqual(nominalAge(current) - 1);
  expect(age).toBeLessThanOrEqual(nominalAge(current) + 2);
  expect(parseIsoDate(student.dateOfBirth!)).toBeLessThan(OCTOBER_FIRST_2025);
}

describe('createStudentRecords', () => {
  it('makes students that pass the Student schema and fit their school (property)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.constantFrom(0, 1, 7, 40), fc.constantFrom(0, 1), (seed, count, schoolIndex) => {
        const school = schoolsFor(seed)[schoolIndex]!;
        const records = createStudentRecords({ seed, school, count });
        expect(records).toHaveLength(count);
        for (const record of records) {
          checkRecord(record, school);
        }
        const keys = records.flatMap(({ student }) => [
          ...(student.userMasterIdentifier ? [`eckId:${student.userMasterIdentifier}`] : []),
          ...(student.userIds ?? []).map((id) => `${id.userIdType}:${id.userId}`),
          `email:${student.email}`,
        ]);
        expect(new Set(keys).size).toBe(keys.length);
      }),
      { numRuns: 60 },
    );
  });

  it('puts po ages in groep 1 ≈ 4 … groep 8 ≈ 11-12 and vo leerjaar 1 ≈ 12 … 6 ≈ 17-18', () => {
    const [po, , vo] = createSchools({ seed: 3 });
    for (const school of [po!, vo!]) {
      const records = createStudentRecords({ seed: 3, school, count: 2000 });
      const agesByOffering = new Map<string, number[]>();
      for (const { student, enrollments } of records) {
        const offering = school.catalogue.studyOfferings.find((candidate) => candidate.id === enrollments.at(-1)!.studyOfferingId)!;
        const ages = agesByOffering.get(offering.name) ?? [];
        ages.push(ageOnOctoberFirst(student.dateOfBirth!));
        agesByOffering.set(offering.name, ages);
      }
      const median = (name: string) => {
        const ages = [...agesByOffering.get(name)!].sort((a, b) => a - b);
        return ages[Math.floor(ages.length / 2)];
      };
      if (school.sector === 'po') {
        expect(median('Groep 1')).toBe(4);
        expect(median('Groep 8')).toBe(11);
      } else {
        expect(median('vwo 1')).toBe(12);
        expect(median('vwo 6')).toBe(17);
        expect(median('havo 5')).toBe(16);
      }
    }
  });

  it('is deterministic: same seed, byte-identical students; different seed, different students', () => {
    fc.assert(
      fc.property(fc.integer(), fc.constantFrom(0, 1), (seed, schoolIndex) => {
        const school = schoolsFor(seed)[schoolIndex]!;
        const a = createStudentRecords({ seed, school, count: 25 });
        const b = createStudentRecords({ seed, school, count: 25 });
        expect(a).toEqual(b);
        expect(JSON.stringify(a)).toBe(JSON.stringify(b));
        expect(createStudentRecords({ seed: seed + 1, school, count: 25 })).not.toEqual(a);
      }),
      { numRuns: 25 },
    );
  });

  it('keeps existing students when more are asked for, and does not depend on other schools', () => {
    const [school] = createSchools({ seed: 8, po: 1, vo: 0 });
    const [sameSchool] = createSchools({ seed: 8, po: 5, vo: 4 });
    const few = createStudentRecords({ seed: 8, school: school!, count: 10 });
    const many = createStudentRecords({ seed: 8, school: sameSchool!, count: 50 });
    expect(many.slice(0, 10)).toEqual(few);
  });

  it('rejects a bad count', () => {
    const [school] = schoolsFor(1);
    expect(() => createStudentRecords({ seed: 1, school: school!, count: -1 })).toThrow(EduvConfigError);
    expect(() => createStudentRecords({ seed: 1, school: school!, count: -1 })).toThrow('createStudentRecords(): count must be a non-negative integer, got -1');
    expect(() => createStudentRecords({ seed: 1, school: school!, count: 2.5 })).toThrow(EduvConfigError);
    expect(() => createStudentRecords({ seed: 1, school: school!, count: 2.5 })).toThrow(
      'createStudentRecords(): count must be a non-negative integer, got 2.5',
    );
  });

  it('generates 100,000 students without error', () => {
    const school = schoolsFor(2024)[1]!;
    const records = createStudentRecords({ seed: 2024, school, count: 100_000 });
    expect(records).toHaveLength(100_000);

    let withoutEckId = 0;
    let withNeppi = 0;
    const ids = new Set<string>();
    let idCount = 0;
    for (const { student } of records) {
      if (student.userMasterIdentifier === undefined) {
        withoutEckId++;
      } else {
        ids.add(student.userMasterIdentifier);
        idCount++;
      }
      for (const id of student.userIds ?? []) {
        if (id.userIdType === 'NEPPI') withNeppi++;
        ids.add(`${id.userIdType}:${id.userId}`);
        idCount++;
      }
    }
    // Every identifier is unique within the school, so lookups by any id find one student.
    expect(ids.size).toBe(idCount);
    // ≈3% have only secondary ids; most have a NEPPI.
    expect(withoutEckId / records.length).toBeGreaterThan(0.02);
    expect(withoutEckId / records.length).toBeLessThan(0.04);
    expect(withNeppi / records.length).toBeGreaterThan(0.85);
    // Spot-check a sample against the full rules.
    for (let i = 0; i < records.length; i += 997) {
      checkRecord(records[i]!, school);
    }
  }, 60_000);
});

describe('createStudentsWorld', () => {
  it('builds schools and their students from one seed', () => {
    const world = createStudentsWorld({ seed: 5, po: 2, vo: 1, studentsPerPo: 12, studentsPerVo: 30 });
    expect(world.schools.map((school) => school.sector)).toEqual(['po', 'po', 'vo']);
    expect([...world.students.keys()]).toEqual(world.schools.map((school) => school.orgMasterId));
    expect(world.schools.map((school) => world.students.get(school.orgMasterId)!.length)).toEqual([12, 12, 30]);
    for (const school of world.schools) {
      expect(world.students.get(school.orgMasterId)).toEqual(createStudentRecords({ seed: 5, school, count: school.sector === 'po' ? 12 : 30 }));
    }
    expect(JSON.stringify([...createStudentsWorld({ seed: 5 }).students])).toBe(JSON.stringify([...createStudentsWorld({ seed: 5 }).students]));
    const defaults = createStudentsWorld({ seed: 5 });
    expect(defaults.schools).toHaveLength(3);
  });
});
