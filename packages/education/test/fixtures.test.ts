import { FIXTURE_REFERENCE_INSTANT, createSchools, type FixtureSchool } from '@eduvkit/core/fixtures';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEducationBoard, createEducationRecords, createEducationWorld, type EducationRecords } from '../src/fixtures/index';
import { BoardSchema, OrganisationSchema, StudyOfferingSchema, SubjectOfferingSchema } from '../src/generated/schemas';

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

function expectValid(schema: { safeParse(value: unknown): { success: boolean; error?: { issues: unknown } } }, value: unknown): void {
  const parsed = schema.safeParse(value);
  expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error?.issues)).toBe(true);
  // Key order is part of the byte-identical output; no key may hold undefined.
  expect(Object.values(value as object).some((entry) => entry === undefined)).toBe(false);
}

function checkRecords(records: EducationRecords, schools: readonly FixtureSchool[]): void {
  expectValid(BoardSchema, records.board);
  expect(records.board.organisationIdType).toBe('BGE_CODE');
  expect(records.board.organisationId).toMatch(/^\d{5}$/);
  expect(records.boardMasterId).toMatch(/^\d{3}B\d{3}$/);
  const keys = schools.map((school) => school.orgMasterId);
  expect([...records.organisations.keys()]).toEqual(keys);
  expect([...records.studyOfferings.keys()]).toEqual(keys);
  expect([...records.subjectOfferings.keys()]).toEqual(keys);

  for (const school of schools) {
    const organisation = records.organisations.get(school.orgMasterId)!;
    expectValid(OrganisationSchema, organisation);
    expect(organisation.organisationMasterIdentifier).toBe(school.orgMasterId);
    expect(organisation.name).toBe(school.name);
    expect(organisation.boards).toEqual([records.board]);
    expect(organisation.organisationIds).toEqual(
      school.ids.filter((id) => id.type !== 'V_ID').map((id) => ({ organisationId: id.id, organisationIdType: id.type })),
    );
    expect(organisation.locations?.map((location) => location.organisationIds?.[0]?.organisationId)).toEqual(
      school.ids.filter((id) => id.type === 'V_ID').map((id) => id.id),
    );
    expect(organisation.locations?.map((location) => location.name)).toEqual(school.locations.map((location) => location.name));

    // Same ids, codes and names as the catalogue the Students fixtures enroll students in.
    const studies = records.studyOfferings.get(school.orgMasterId)!;
    expect(studies.map((offering) => offering.studyOfferingId)).toEqual(school.catalogue.studyOfferings.map((offering) => offering.id));
    expect(studies.map((offering) => offering.studyCode)).toEqual(school.catalogue.studyOfferings.map((offering) => offering.studyCode));
    expect(studies.map((offering) => offering.studyOfferingName)).toEqual(school.catalogue.studyOfferings.map((offering) => offering.name));
    for (const offering of studies) {
      expectValid(StudyOfferingSchema, offering);
      expect(offering.studyCode).toMatch(/^(\d{4}|\d{4}O\d{4})$/);
      expect(offering.dateCreated <= offering.dateLastModified).toBe(true);
      expect(offering.dateLastModified <= FIXTURE_REFERENCE_INSTANT).toBe(true);
      // In use since school year 2024-2025.
      expect(offering.dateCreated < '2024-08-01').toBe(true);
    }

    const subjects = records.subjectOfferings.get(school.orgMasterId)!;
    expect(subjects.map((subject) => subject.subjectOfferingId)).toEqual(school.catalogue.subjectOfferings.map((subject) => subject.id));
    if (school.sector === 'po') expect(subjects).toEqual([]);
    else expect(subjects.length).toBeGreaterThan(0);
    for (const [i, subject] of subjects.entries()) {
      expectValid(SubjectOfferingSchema, subject);
      const entry = school.catalogue.subjectOfferings[i]!;
      expect(subject.studyOfferings).toEqual([entry.studyOfferingId]);
      expect(subject.subjectOfferingAbbr).toBe(entry.abbreviation);
      const study = studies.find((offering) => offering.studyOfferingId === entry.studyOfferingId)!;
      expect(subject.dateCreated >= study.dateCreated).toBe(true);
      expect(subject.dateCreated <= subject.dateLastModified).toBe(true);
      expect(subject.dateLastModified <= FIXTURE_REFERENCE_INSTANT).toBe(true);
    }
  }
}

describe('createEducationRecords', () => {
  it('derives valid Education objects from the school catalogues (property)', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const schools = schoolsFor(seed);
        checkRecords(createEducationRecords({ seed, schools }), schools);
      }),
      { numRuns: 60 },
    );
  });

  it('is deterministic: same seed, byte-identical records; different seed, different timestamps and board', () => {
    const serialise = (records: EducationRecords) =>
      JSON.stringify([records.board, records.boardMasterId, [...records.organisations], [...records.studyOfferings], [...records.subjectOfferings]]);
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const schools = schoolsFor(seed);
        const a = createEducationRecords({ seed, schools });
        expect(serialise(createEducationRecords({ seed, schools }))).toBe(serialise(a));
        expect(serialise(createEducationRecords({ seed: seed + 1, schools }))).not.toBe(serialise(a));
      }),
      { numRuns: 25 },
    );
  });

  it('does not let other schools change a school, and keeps one board per seed', () => {
    const [alone] = createSchools({ seed: 8, po: 1, vo: 0 });
    const many = createSchools({ seed: 8, po: 5, vo: 4 });
    const few = createEducationRecords({ seed: 8, schools: [alone!] });
    const more = createEducationRecords({ seed: 8, schools: many });
    expect(more.studyOfferings.get(alone!.orgMasterId)).toEqual(few.studyOfferings.get(alone!.orgMasterId));
    expect(more.organisations.get(alone!.orgMasterId)).toEqual(few.organisations.get(alone!.orgMasterId));
    expect(more.board).toEqual(few.board);
    expect(createEducationBoard(8)).toEqual({ board: few.board, boardMasterId: few.boardMasterId });
    expect(createEducationRecords({ seed: 8, schools: [] }).organisations.size).toBe(0);
  });
});

describe('createEducationWorld', () => {
  it('uses the schools createSchools makes for the seed (the Students world has the same ones)', () => {
    const world = createEducationWorld({ seed: 5 });
    expect(world.schools).toEqual(createSchools({ seed: 5 }));
    checkRecords(world, world.schools);
    const { schools, ...records } = world;
    expect(records).toEqual(createEducationRecords({ seed: 5, schools }));
    expect(createEducationWorld({ seed: 5, po: 1, vo: 2 }).schools.map((school) => school.sector)).toEqual(['po', 'vo', 'vo']);
  });
});
