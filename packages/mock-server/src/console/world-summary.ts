import type { MockWorld } from '../world';

interface Person {
  readonly givenName: string;
  readonly familyNamePrefix?: string;
  readonly familyName: string;
}

export interface SchoolSummary {
  readonly orgMasterId: string;
  readonly name: string;
  readonly sector: string;
  readonly city: string;
  readonly students: number;
  readonly employees: number;
}

export interface SchoolPeople {
  readonly school: SchoolSummary;
  readonly students: readonly { readonly name: string; readonly eckId?: string; readonly unit?: string }[];
  readonly employees: readonly { readonly name: string; readonly roles: readonly string[]; readonly unit?: string }[];
}

const nameOf = (person: Person): string => [person.givenName, person.familyNamePrefix, person.familyName].filter(Boolean).join(' ');

/** Every school with the number of its students and staff. */
export function summariseWorld(world: MockWorld): SchoolSummary[] {
  return world.schools.map((school) => ({
    orgMasterId: school.orgMasterId,
    name: school.name,
    sector: school.sector,
    city: school.city,
    students: world.students.get(school.orgMasterId)?.length ?? 0,
    employees: world.employees.get(school.orgMasterId)?.length ?? 0,
  }));
}

/** One school's students and staff by name, at most `limit` of each (the large world has thousands). */
export function schoolPeople(world: MockWorld, orgMasterId: string, limit: number): SchoolPeople | undefined {
  const school = summariseWorld(world).find((summary) => summary.orgMasterId === orgMasterId);
  if (!school) return undefined;
  return {
    school,
    students: (world.students.get(orgMasterId) ?? []).slice(0, limit).map((record) => ({
      name: nameOf(record.student),
      ...(record.student.userMasterIdentifier ? { eckId: record.student.userMasterIdentifier } : {}),
      ...(record.unit ? { unit: record.unit } : {}),
    })),
    employees: (world.employees.get(orgMasterId) ?? []).slice(0, limit).map((record) => ({
      name: nameOf(record.employee),
      roles: record.roles,
      ...(record.unit ? { unit: record.unit } : {}),
    })),
  };
}
