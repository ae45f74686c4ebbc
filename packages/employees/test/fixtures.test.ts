import { EduvConfigError } from '@eduvkit/core';
import { createSchools, type FixtureSchool } from '@eduvkit/core/fixtures';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPLOYEE_ROLES, createEmployeeRecords, createEmployeesWorld, type EmployeeRecord } from '../src/fixtures/index';
import { EmployeeSchema } from '../src/generated/schemas';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const LANDLINE = /^0[1-9]\d{1,2}-[2-9]\d{5,6}$/;
const MOBILE = /^06-[1-5]\d{7}$/;
const REFERENCE_INSTANT = '2025-09-01T00:00:00Z';

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

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Everything a record must satisfy, relative to its school. */
function checkRecord(record: EmployeeRecord, school: FixtureSchool): void {
  const { employee, unit, roles, schoolPeriodIds } = record;
  const parsed = EmployeeSchema.safeParse(employee);
  expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues)).toBe(true);
  // Key order is part of the byte-identical output; no key may hold undefined.
  expect(Object.values(employee).some((value) => value === undefined)).toBe(false);

  // No primary identifier for employees; ASI and NEPRI always, each type at most once.
  expect(employee.userMasterIdentifier).toBeUndefined();
  const types = employee.userIds.map((id) => id.userIdType);
  expect(new Set(types).size).toBe(types.length);
  expect(types).toContain('ASI');
  expect(types).toContain('NEPRI');
  for (const id of employee.userIds) {
    if (id.userIdType === 'ASI' || id.userIdType === 'eduID') expect(id.userId).toMatch(GUID);
    if (id.userIdType === 'NEPRI') expect(id.userId).toMatch(new RegExp(`^[a-z0-9]+@${escape(school.domain)}$`));
  }
  expect(employee.email).toMatch(new RegExp(`^[a-z0-9]+\\.[a-z0-9]+@${escape(school.domain)}$`));
  if (employee.phone !== undefined) expect(employee.phone).toMatch(LANDLINE);
  if (employee.phone !== undefined) expect(employee.phone.replace('-', '')).toHaveLength(10);
  if (employee.mobile !== undefined) expect(employee.mobile).toMatch(MOBILE);
  expect(employee.givenName.length).toBeGreaterThan(0);
  expect(employee.familyName.length).toBeGreaterThan(0);
  // The spec leaves dateLastModified optional for clients; the fixtures always send it.
  const lastModified = employee.dateLastModified!;
  expect(lastModified).toBeDefined();
  expect(employee.dateCreated <= lastModified).toBe(true);
  expect(lastModified <= REFERENCE_INSTANT).toBe(true);
  if (school.sector === 'vo') expect(employee.alias).toMatch(/^[A-Z]{2,4}\d*$/);

  // The unit is one of the school's V_ID units.
  const units = school.ids.filter((id) => id.type === 'V_ID').map((id) => id.unit);
  expect(units).toContain(unit);

  // Roles come from the value list and are the organisationRoles, in order; every role points at
  // the school (director) or at the V_ID of the employee's own location.
  expect(roles.length).toBeGreaterThan(0);
  for (const role of roles) expect(Object.keys(EMPLOYEE_ROLES)).toContain(role);
  expect(employee.organisationRoles?.map((item) => item.role)).toEqual(roles);
  const vestigingId = school.locations.find((location) => location.name === unit)!.vestigingId;
  for (const item of employee.organisationRoles ?? []) {
    expect(item.organisation).toEqual(
      item.role === 'director'
        ? { organisationMasterIdentifier: school.orgMasterId }
        : { organisationIds: [{ organisationId: vestigingId, organisationIdType: 'V_ID' }] },
    );
  }
  if (roles.includes('mentor')) expect(roles).toContain('teacher');

  // School periods come from the school's catalogue, in catalogue order, and include the current
  // school year and all of its parts.
  const { catalogue } = school;
  const catalogueIds = catalogue.periods.map((period) => period.id);
  expect(schoolPeriodIds).toEqual(catalogueIds.filter((id) => schoolPeriodIds.includes(id)));
  for (const period of catalogue.periods) {
    if (period.id === catalogue.currentSchoolYear || period.superSchoolPeriod === catalogue.currentSchoolYear) {
      expect(schoolPeriodIds).toContain(period.id);
    }
  }
  // Working in last school year means having been taken on before it began.
  expect(schoolPeriodIds.includes('2024-2025')).toBe(employee.dateCreated < '2024-09-01');
}

function uniqueKeys(records: readonly EmployeeRecord[]): string[] {
  return records.flatMap(({ employee }) => [
    ...employee.userIds.map((id) => `${id.userIdType}:${id.userId}`),
    `email:${employee.email}`,
    ...(employee.alias === undefined ? [] : [`alias:${employee.alias}`]),
  ]);
}

describe('createEmployeeRecords', () => {
  it('makes employees that pass the Employee schema and fit their school (property)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.constantFrom(0, 1, 7, 40, 90), fc.constantFrom(0, 1), (seed, count, schoolIndex) => {
        const school = schoolsFor(seed)[schoolIndex]!;
        const records = createEmployeeRecords({ seed, school, count });
        expect(records).toHaveLength(count);
        for (const record of records) {
          checkRecord(record, school);
        }
        // Every identifier, e-mail address and alias is unique within the school.
        const keys = uniqueKeys(records);
        expect(new Set(keys).size).toBe(keys.length);
        if (count > 0) expect(records[0]!.roles).toEqual(['director']);
        expect(records.filter((record) => record.roles.includes('director'))).toHaveLength(Math.min(count, 1));
      }),
      { numRuns: 60 },
    );
  });

  it('staffs a school like a Dutch school: mostly teachers, a director, support roles', () => {
    const [po, , vo] = createSchools({ seed: 3 });
    const poRoles = createEmployeeRecords({ seed: 3, school: po!, count: 200 }).map((record) => record.roles);
    const voRoles = createEmployeeRecords({ seed: 3, school: vo!, count: 600 }).map((record) => record.roles);
    const share = (roles: string[][], role: string) => roles.filter((list) => list.includes(role)).length / roles.length;
    expect(share(poRoles, 'teacher')).toBeGreaterThan(0.7);
    expect(share(poRoles, 'internal-supervisor')).toBeGreaterThan(0.03);
    expect(share(poRoles, 'mentor')).toBe(0);
    expect(share(voRoles, 'teacher')).toBeGreaterThan(0.8);
    expect(share(voRoles, 'mentor')).toBeGreaterThan(0.3);
    expect(share(voRoles, 'team-leader')).toBeGreaterThan(0.05);
    expect(share(voRoles, 'internal-supervisor')).toBe(0);
    // Namesakes get an alias in po too, and stay unique.
    const many = createEmployeeRecords({ seed: 3, school: po!, count: 3000 });
    const keys = uniqueKeys(many);
    expect(new Set(keys).size).toBe(keys.length);
    expect(many.some((record) => record.employee.alias !== undefined)).toBe(true);
  });

  it('is deterministic: same seed, byte-identical employees; different seed, different employees', () => {
    fc.assert(
      fc.property(fc.integer(), fc.constantFrom(0, 1), (seed, schoolIndex) => {
        const school = schoolsFor(seed)[schoolIndex]!;
        const a = createEmployeeRecords({ seed, school, count: 25 });
        const b = createEmployeeRecords({ seed, school, count: 25 });
        expect(a).toEqual(b);
        expect(JSON.stringify(a)).toBe(JSON.stringify(b));
        expect(createEmployeeRecords({ seed: seed + 1, school, count: 25 })).not.toEqual(a);
      }),
      { numRuns: 25 },
    );
  });

  it('keeps existing employees when more are asked for, and does not depend on other schools', () => {
    const [school] = createSchools({ seed: 8, po: 1, vo: 0 });
    const [sameSchool] = createSchools({ seed: 8, po: 5, vo: 4 });
    const few = createEmployeeRecords({ seed: 8, school: school!, count: 10 });
    const many = createEmployeeRecords({ seed: 8, school: sameSchool!, count: 50 });
    expect(many.slice(0, 10)).toEqual(few);
  });

  it('rejects a bad count', () => {
    const [school] = schoolsFor(1);
    expect(() => createEmployeeRecords({ seed: 1, school: school!, count: -1 })).toThrow(EduvConfigError);
    expect(() => createEmployeeRecords({ seed: 1, school: school!, count: -1 })).toThrow(
      'createEmployeeRecords(): count must be a non-negative integer, got -1',
    );
    expect(() => createEmployeeRecords({ seed: 1, school: school!, count: 2.5 })).toThrow(EduvConfigError);
    expect(() => createEmployeeRecords({ seed: 1, school: school!, count: 2.5 })).toThrow(
      'createEmployeeRecords(): count must be a non-negative integer, got 2.5',
    );
  });
});

describe('createEmployeesWorld', () => {
  it('builds schools and their employees from one seed', () => {
    const world = createEmployeesWorld({ seed: 5, po: 2, vo: 1, employeesPerPo: 12, employeesPerVo: 30 });
    expect(world.schools.map((school) => school.sector)).toEqual(['po', 'po', 'vo']);
    expect([...world.employees.keys()]).toEqual(world.schools.map((school) => school.orgMasterId));
    expect(world.schools.map((school) => world.employees.get(school.orgMasterId)!.length)).toEqual([12, 12, 30]);
    for (const school of world.schools) {
      expect(world.employees.get(school.orgMasterId)).toEqual(createEmployeeRecords({ seed: 5, school, count: school.sector === 'po' ? 12 : 30 }));
    }
    const defaults = createEmployeesWorld({ seed: 5 });
    expect(defaults.schools).toHaveLength(3);
    expect(defaults.schools.map((school) => defaults.employees.get(school.orgMasterId)!.length)).toEqual([15, 15, 60]);
    expect(JSON.stringify([...defaults.employees])).toBe(JSON.stringify([...createEmployeesWorld({ seed: 5 }).employees]));
  });

  it('has the schools createSchools makes for the seed, as the Students world does', () => {
    for (const seed of [1, 5, 42]) {
      expect(createEmployeesWorld({ seed, po: 3, vo: 2, employeesPerPo: 1, employeesPerVo: 1 }).schools).toEqual(createSchools({ seed, po: 3, vo: 2 }));
    }
  });
});
