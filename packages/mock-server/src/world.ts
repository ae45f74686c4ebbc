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
   * that school's students and staff when asked for, and held only for the last
   * `ASSOCIATION_SCHOOLS_KEPT` school(s) read: the large world has millions of enrollments.
   */
  readonly association: ComputedMap<AssociationRecords>;
  /** The shared product range (`@eduvkit/core/fixtures`) as the Catalogue API serves it: the product ids of every chain API. */
  readonly products: readonly Product[];
  /** A cmi5 course for every digital course the products name. */
  readonly courses: readonly CourseRecord[];
}

/**
 * A map whose values are computed on first `get`; iteration yields every key, computing as it goes.
 * With `keep`, at most that many computed values are held (the least recently read is dropped and
 * computed again when next read), except those `edit` pinned: an edit made in place would be lost.
 * A dropped value is computed from the same inputs, so a reader sees equal values (not the same objects).
 */
export class ComputedMap<V> extends Map<string, V> {
  private readonly knownKeys: ReadonlySet<string>;
  private readonly pinned = new Set<string>();

  constructor(
    private readonly known: readonly string[],
    private readonly compute: (key: string) => V,
    private readonly keep = Number.POSITIVE_INFINITY,
  ) {
    super();
    this.knownKeys = new Set(known);
  }

  /** Forgets a computed value, so the next `get` computes it again from the current inputs. */
  invalidate(key: string): void {
    super.delete(key);
    this.pinned.delete(key);
  }

  /** The value, kept until `invalidate`: for a caller that changes it in place. */
  edit(key: string): V | undefined {
    const value = this.get(key);
    if (value !== undefined) this.pinned.add(key);
    return value;
  }

  override get(key: string): V | undefined {
    let value = super.get(key);
    if (value !== undefined) {
      if (this.keep !== Number.POSITIVE_INFINITY && !this.pinned.has(key)) {
        // Most recently read last: Map iteration order is insertion order.
        super.delete(key);
        super.set(key, value);
      }
      return value;
    }
    if (!this.knownKeys.has(key)) return undefined;
    // Room first, so the dropped value can be collected while the new one is computed.
    this.evictFor(1);
    value = this.compute(key);
    super.set(key, value);
    return value;
  }

  private evictFor(room: number): void {
    let held = super.size - this.pinned.size;
    if (held + room <= this.keep) return;
    for (const key of super.keys()) {
      if (this.pinned.has(key)) continue;
      super.delete(key);
      if (--held + room <= this.keep) return;
    }
  }

  override has(key: string): boolean {
    return this.knownKeys.has(key);
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

/**
 * How many schools' Association objects the world holds at once (decision 041). The large world's
 * are 1.5 million enrollments (most of the mock's memory when all are kept); a school's are rebuilt
 * in well under a second, and the answer cache keeps the bytes of recently served lists anyway.
 */
export const ASSOCIATION_SCHOOLS_KEPT = 1;

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
  const association = new ComputedMap(
    schools.map((school) => school.orgMasterId),
    (orgMasterId) =>
      createAssociationRecords({ seed, school: byId.get(orgMasterId)!, students: students.get(orgMasterId)!, employees: employees.get(orgMasterId)! }),
    ASSOCIATION_SCHOOLS_KEPT,
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
