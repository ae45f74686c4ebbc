import { createAssociationRecords, type AssociationRecords } from '@eduvkit/association/fixtures';
import type { Product } from '@eduvkit/catalogue';
import { createCatalogueProducts } from '@eduvkit/catalogue/fixtures';
import type { CourseRecord } from '@eduvkit/course';
import { createCourseRecords } from '@eduvkit/course/fixtures';
import { createSchools, type FixtureSchool } from '@eduvkit/core/fixtures';
import { createEducationRecords, type EducationRecords } from '@eduvkit/education/fixtures';
import { createEmployeeRecords, type EmployeeRecord } from '@eduvkit/employees/fixtures';
import { createStudentRecords, type StudentRecord } from '@eduvkit/students/fixtures';

interface SizeSpec {
  po: number;
  vo: number;
  studentsPerPo: number;
  studentsPerVo: number;
  employeesPerPo: number;
  employeesPerVo: number;
}

/** Schools, students and staff per size; large is the scale the benchmarks use (~100,000 students). */
export const WORLD_SIZES = {
  small: { po: 2, vo: 1, studentsPerPo: 120, studentsPerVo: 500, employeesPerPo: 15, employeesPerVo: 60 },
  medium: { po: 8, vo: 3, studentsPerPo: 250, studentsPerVo: 1_200, employeesPerPo: 25, employeesPerVo: 120 },
  large: { po: 60, vo: 14, studentsPerPo: 300, studentsPerVo: 5_800, employeesPerPo: 30, employeesPerVo: 450 },
} as const satisfies Record<string, SizeSpec>;

/** One of the sizes WORLD_SIZES defines: the only list of them. */
export type WorldSize = keyof typeof WORLD_SIZES;

export const DEFAULT_WORLD_SIZE: WorldSize = 'small';

/**
 * One school board's world, the same for every API: the schools and their catalogue (core
 * fixtures), the students enrolled in that catalogue, the staff, and the Education objects
 * describing the same catalogue. Every reference between them resolves.
 */
export interface MockWorld {
  readonly seed: number;
  readonly schools: FixtureSchool[];
  readonly students: Map<string, StudentRecord[]>;
  readonly employees: Map<string, EmployeeRecord[]>;
  readonly education: EducationRecords;
  /**
   * Association objects (school periods, enrollments, groups, assignments) per school, built from
   * that school's students and staff the first time they are asked for: the large world has
   * millions of enrollments nobody may read.
   */
  readonly association: ComputedMap<AssociationRecords>;
  /** The shared product range (`@eduvkit/core/fixtures`) as the Catalogue API serves it: the product ids of every chain API. */
  readonly products: readonly Product[];
  /** A cmi5 course for every digital course the products name. */
  readonly courses: readonly CourseRecord[];
}

/** A map whose values are computed on first `get`; iteration yields every key, computing as it goes. */
export class ComputedMap<V> extends Map<string, V> {
  constructor(
    private readonly known: readonly string[],
    private readonly compute: (key: string) => V,
  ) {
    super();
  }

  /** Forgets a computed value, so the next `get` computes it again from the current inputs. */
  invalidate(key: string): void {
    super.delete(key);
  }

  override get(key: string): V | undefined {
    if (!super.has(key) && this.known.includes(key)) super.set(key, this.compute(key));
    return super.get(key);
  }

  override has(key: string): boolean {
    return this.known.includes(key);
  }

  override get size(): number {
    return this.known.length;
  }

  override *entries(): MapIterator<[string, V]> {
    for (const key of this.known) yield [key, this.get(key)!];
  }

  override [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }

  override *keys(): MapIterator<string> {
    yield* this.known;
  }

  override *values(): MapIterator<V> {
    for (const key of this.known) yield this.get(key)!;
  }

  override forEach(callback: (value: V, key: string, map: Map<string, V>) => void): void {
    for (const [key, value] of this.entries()) callback(value, key, this);
  }
}

export function createMockWorld(seed: number, size: WorldSize = DEFAULT_WORLD_SIZE): MockWorld {
  const spec = WORLD_SIZES[size];
  const schools = createSchools({ seed, po: spec.po, vo: spec.vo });
  const students = new Map<string, StudentRecord[]>();
  const employees = new Map<string, EmployeeRecord[]>();
  for (const school of schools) {
    const po = school.sector === 'po';
    students.set(school.orgMasterId, createStudentRecords({ seed, school, count: po ? spec.studentsPerPo : spec.studentsPerVo }));
    employees.set(school.orgMasterId, createEmployeeRecords({ seed, school, count: po ? spec.employeesPerPo : spec.employeesPerVo }));
  }
  const byId = new Map(schools.map((school) => [school.orgMasterId, school]));
  const association = new ComputedMap(schools.map((school) => school.orgMasterId), (orgMasterId) =>
    createAssociationRecords({ seed, school: byId.get(orgMasterId)!, students: students.get(orgMasterId)!, employees: employees.get(orgMasterId)! }),
  );
  return {
    seed,
    schools,
    students,
    employees,
    education: createEducationRecords({ seed, schools }),
    association,
    products: createCatalogueProducts({ seed }),
    courses: createCourseRecords({ seed }),
  };
}
