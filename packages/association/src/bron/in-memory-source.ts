import type { ResolvedSchool, SchoolRecord } from '@eduvkit/core';
import { BronError } from '@eduvkit/core/server';
import type { Assignment, Enrollment, Group, SchoolPeriod, UserReference } from '../generated/models';
import type { AssignmentFilters, AssociationDataSource, EnrollmentFilters, GroupFilters } from './data-source';
import { AssociationStatus } from '../generated/status';

/** A school as the in-memory source needs it: its record plus the ids filters may name. */
export interface InMemoryAssociationSchool extends SchoolRecord {
  readonly catalogue: {
    readonly periods: readonly { readonly id: string; readonly superSchoolPeriod?: string }[];
    readonly studyOfferings: readonly { readonly id: string }[];
    /** `studyOfferingId` links a subject offering to its study offering for the studyOfferingId filter. */
    readonly subjectOfferings: readonly { readonly id: string; readonly studyOfferingId?: string }[];
  };
}

/** A person's identifiers as the school knows them: the ECK iD and/or secondary ids. */
export interface AssociationPersonIds {
  readonly userMasterIdentifier?: string;
  readonly userIds?: readonly { readonly userId: string; readonly userIdType: string }[];
}

/** A student or employee of the school with every identifier, and the unit (vestiging) they belong to. */
export interface AssociationPersonFact {
  readonly ids: AssociationPersonIds;
  /** The `unit` of the school's `V_ID` for the location; absent: the school as a whole. */
  readonly unit?: string;
}

/** What a Group object does not say: the offering it teaches and the unit it is at. */
export interface AssociationGroupFact {
  readonly groupId: string;
  /** The class's study offering, or the study offering of the lesson group's subject offering. */
  readonly studyOfferingId: string;
  /** Lesson groups only. */
  readonly subjectOfferingId?: string;
  readonly unit?: string;
}

/**
 * School-side facts behind the API objects (like the `unit` and `enrollments` of a Students
 * record): they decide unit-limited answers (`filterByOrgId`), the offering filters on groups,
 * and let a search by any identifier of a person find objects that reference another one.
 */
export interface AssociationFacts {
  readonly students: readonly AssociationPersonFact[];
  readonly employees: readonly AssociationPersonFact[];
  readonly groups: readonly AssociationGroupFact[];
}

/** Everything the Association API serves for one school. */
export interface InMemoryAssociationRecords {
  readonly schoolPeriods: readonly SchoolPeriod[];
  readonly enrollments: readonly Enrollment[];
  readonly groups: readonly Group[];
  readonly assignments: readonly Assignment[];
  /**
   * Without facts, people are known only by the references in the objects, unit-limited answers
   * hold no enrollments, groups or assignments, and the offering filters match no group.
   */
  readonly facts?: AssociationFacts;
}

const userKey = (type: string, id: string): string => `${type}\u0000${id}`;

function keysOf(ids: AssociationPersonIds): string[] {
  const keys: string[] = [];
  if (ids.userMasterIdentifier) keys.push(userKey('eckId', ids.userMasterIdentifier));
  for (const id of ids.userIds ?? []) keys.push(userKey(id.userIdType, id.userId));
  return keys;
}

/** People known at a school, each a number; any of their identifiers finds them. */
class People {
  private readonly byKey = new Map<string, number>();
  readonly units: (string | undefined)[] = [];

  lookup(ids: AssociationPersonIds): number | undefined {
    for (const key of keysOf(ids)) {
      const person = this.byKey.get(key);
      if (person !== undefined) return person;
    }
    return undefined;
  }

  /**
   * Objects registered before: the records share one reference object per person, and a second
   * registration of the same (immutable) ids finds the same person and changes nothing.
   */
  private readonly registered = new Map<AssociationPersonIds, number>();

  /** The person these ids name, registered (with their unit) when new. */
  register(ids: AssociationPersonIds, unit?: string): number {
    const known = this.registered.get(ids);
    if (known !== undefined) return known;
    const person = this.add(ids, unit);
    this.registered.set(ids, person);
    return person;
  }

  private add(ids: AssociationPersonIds, unit: string | undefined): number {
    const keys = keysOf(ids);
    let person: number | undefined;
    for (const key of keys) {
      person = this.byKey.get(key);
      if (person !== undefined) break;
    }
    if (person === undefined) {
      person = this.units.length;
      this.units.push(unit);
    }
    for (const key of keys) if (!this.byKey.has(key)) this.byKey.set(key, person);
    return person;
  }
}

const idOf = (reference: Enrollment['study'] | Enrollment['subject']): string | undefined =>
  reference === undefined
    ? undefined
    : typeof reference === 'string'
      ? reference
      : 'studyOfferingId' in reference
        ? reference.studyOfferingId
        : reference.subjectOfferingId;

interface SchoolIndex {
  periods: readonly SchoolPeriod[];
  periodById: Map<string, SchoolPeriod>;
  knownPeriods: Set<string>;
  parentOf: Map<string, string>;
  relatives: Map<string, Set<string>>;
  studyOfferings: Set<string>;
  subjectOfferings: Map<string, string | undefined>;
  enrollments: readonly Enrollment[];
  /** Built on the first lookup by id: a list or a sync never needs it. */
  enrollmentById: Map<string, Enrollment> | undefined;
  enrollmentPerson: number[];
  /** Built on the first search for a student. */
  enrollmentsByPerson: Map<number, Enrollment[]> | undefined;
  students: People;
  employees: People;
  groups: readonly Group[];
  groupById: Map<string, Group>;
  groupFacts: Map<string, AssociationGroupFact>;
  assignments: readonly Assignment[];
  assignmentById: Map<string, Assignment>;
  assignmentUnit: (string | undefined)[];
  assignmentsByPerson: Map<number, Assignment[]>;
  lists: Map<string, readonly unknown[]>;
}

function enrollmentByIdOf(index: SchoolIndex): Map<string, Enrollment> {
  return (index.enrollmentById ??= new Map(index.enrollments.map((enrollment) => [enrollment.enrollmentId, enrollment])));
}

function enrollmentsByPersonOf(index: SchoolIndex): Map<number, Enrollment[]> {
  if (index.enrollmentsByPerson) return index.enrollmentsByPerson;
  const byPerson = new Map<number, Enrollment[]>();
  index.enrollments.forEach((enrollment, i) => pushTo(byPerson, index.enrollmentPerson[i]!, enrollment));
  return (index.enrollmentsByPerson = byPerson);
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function indexSchool(school: InMemoryAssociationSchool, records: InMemoryAssociationRecords): SchoolIndex {
  const { catalogue } = school;
  const parentOf = new Map<string, string>();
  const knownPeriods = new Set<string>();
  for (const period of catalogue.periods) {
    knownPeriods.add(period.id);
    if (period.superSchoolPeriod) parentOf.set(period.id, period.superSchoolPeriod);
  }
  for (const period of records.schoolPeriods) {
    knownPeriods.add(period.schoolPeriodId);
    if (period.superSchoolPeriod && !parentOf.has(period.schoolPeriodId)) parentOf.set(period.schoolPeriodId, period.superSchoolPeriod);
  }

  const students = new People();
  const employees = new People();
  for (const fact of records.facts?.students ?? []) students.register(fact.ids, fact.unit);
  for (const fact of records.facts?.employees ?? []) employees.register(fact.ids, fact.unit);

  const enrollmentPerson = records.enrollments.map((enrollment) => students.register(enrollment.student));
  for (const group of records.groups) for (const student of group.students) students.register(student);

  const groupFacts = new Map((records.facts?.groups ?? []).map((fact) => [fact.groupId, fact]));
  const assignmentsByPerson = new Map<number, Assignment[]>();
  const assignmentUnit = records.assignments.map((assignment) => {
    pushTo(assignmentsByPerson, employees.register(assignment.employee), assignment);
    if (assignment.group !== undefined) return groupFacts.get(assignment.group)?.unit;
    if (assignment.student !== undefined) return students.units[students.register(assignment.student)];
    return undefined;
  });

  return {
    periods: records.schoolPeriods,
    periodById: new Map(records.schoolPeriods.map((period) => [period.schoolPeriodId, period])),
    knownPeriods,
    parentOf,
    relatives: new Map(),
    studyOfferings: new Set(catalogue.studyOfferings.map((offering) => offering.id)),
    subjectOfferings: new Map(catalogue.subjectOfferings.map((offering) => [offering.id, offering.studyOfferingId])),
    enrollments: records.enrollments,
    enrollmentById: undefined,
    enrollmentPerson,
    enrollmentsByPerson: undefined,
    students,
    employees,
    groups: records.groups,
    groupById: new Map(records.groups.map((group) => [group.groupId, group])),
    groupFacts,
    assignments: records.assignments,
    assignmentById: new Map(records.assignments.map((assignment) => [assignment.assignmentId, assignment])),
    assignmentUnit,
    assignmentsByPerson,
    lists: new Map(),
  };
}

/**
 * The periods an object must belong to for a schoolPeriodId filter to select it: the period
 * itself, the periods enclosing it (a class of 2025-2026 is there in each of its terms) and the
 * periods it encloses.
 */
function relativesOf(index: SchoolIndex, periodId: string): Set<string> {
  let relatives = index.relatives.get(periodId);
  if (relatives) return relatives;
  relatives = new Set([periodId]);
  for (let parent = index.parentOf.get(periodId); parent !== undefined && !relatives.has(parent); parent = index.parentOf.get(parent)) {
    relatives.add(parent);
  }
  for (const candidate of index.knownPeriods) {
    for (let parent = index.parentOf.get(candidate), depth = 0; parent !== undefined && depth < 16; parent = index.parentOf.get(parent), depth++) {
      if (parent === periodId) {
        relatives.add(candidate);
        break;
      }
    }
  }
  index.relatives.set(periodId, relatives);
  return relatives;
}

function checkFilters(index: SchoolIndex, filters: { schoolPeriodId?: string; studyOfferingId?: string; subjectOfferingId?: string }): void {
  if (filters.schoolPeriodId !== undefined && !index.knownPeriods.has(filters.schoolPeriodId)) {
    throw BronError.business(AssociationStatus.SchoolPeriodUnknown, `SchoolPeriod unknown: schoolPeriodId ${filters.schoolPeriodId}`);
  }
  if (filters.studyOfferingId !== undefined && !index.studyOfferings.has(filters.studyOfferingId)) {
    throw BronError.business(AssociationStatus.StudyOfferingUnknown, `StudyOffering unknown: studyOfferingId ${filters.studyOfferingId}`);
  }
  if (filters.subjectOfferingId !== undefined && !index.subjectOfferings.has(filters.subjectOfferingId)) {
    throw BronError.business(AssociationStatus.SubjectOfferingUnknown, `SubjectOffering unknown: subjectOfferingId ${filters.subjectOfferingId}`);
  }
}

function inPeriod(index: SchoolIndex, period: string | undefined, filter: string | undefined): boolean {
  return filter === undefined || (period !== undefined && relativesOf(index, filter).has(period));
}

function enrollmentMatches(index: SchoolIndex, enrollment: Enrollment, filters: EnrollmentFilters): boolean {
  if (filters.enrollmentType !== undefined && enrollment.enrollmentType !== filters.enrollmentType) return false;
  if (!inPeriod(index, enrollment.schoolPeriod, filters.schoolPeriodId)) return false;
  const subject = idOf(enrollment.subject);
  if (filters.subjectOfferingId !== undefined && subject !== filters.subjectOfferingId) return false;
  if (filters.studyOfferingId !== undefined) {
    const study = idOf(enrollment.study) ?? (subject === undefined ? undefined : index.subjectOfferings.get(subject));
    if (study !== filters.studyOfferingId) return false;
  }
  return true;
}

function assignmentMatches(index: SchoolIndex, assignment: Assignment, filters: AssignmentFilters): boolean {
  if (filters.assignmentType !== undefined && assignment.assignmentType !== filters.assignmentType) return false;
  return inPeriod(index, assignment.schoolPeriod, filters.schoolPeriodId);
}

function groupMatches(index: SchoolIndex, group: Group, unit: string | undefined, filters: GroupFilters): boolean {
  const fact = index.groupFacts.get(group.groupId);
  if (unit !== undefined && fact?.unit !== unit) return false;
  if (filters.groupType !== undefined && group.groupType !== filters.groupType) return false;
  if (!inPeriod(index, group.schoolPeriod, filters.schoolPeriodId)) return false;
  if (filters.studyOfferingId !== undefined && fact?.studyOfferingId !== filters.studyOfferingId) return false;
  if (filters.subjectOfferingId !== undefined && fact?.subjectOfferingId !== filters.subjectOfferingId) return false;
  return true;
}

function cached<T>(index: SchoolIndex, key: unknown[], compute: () => readonly T[]): readonly T[] {
  const text = JSON.stringify(key);
  let list = index.lists.get(text) as readonly T[] | undefined;
  if (!list) {
    list = compute();
    index.lists.set(text, list);
  }
  return list;
}

/**
 * An Association data source over records held in memory (the mock server's world, MSW tests).
 * `recordsBySchool` is keyed by `orgMasterId`; a school without an entry serves nothing. Lists are
 * computed once per school, unit and filter set (for as long as `recordsBySchool` hands out the
 * same records object); the records are treated as immutable.
 *
 * A unit-limited request (`filterByOrgId`) gets the school periods of the whole school and the
 * enrollments, groups and assignments at that unit: an enrollment is at its student's unit, an
 * assignment at its group's unit (a coach assignment at its student's). Lookups by id and the
 * searches for one student or employee are not limited to the unit.
 */
export function createInMemoryAssociationSource<S extends InMemoryAssociationSchool>(
  schools: readonly S[],
  recordsBySchool: ReadonlyMap<string, InMemoryAssociationRecords>,
): AssociationDataSource<S> {
  const empty: InMemoryAssociationRecords = { schoolPeriods: [], enrollments: [], groups: [], assignments: [] };
  // Indexed on first use: the mock server's large world has many schools a test never asks for.
  // Keyed by the records themselves, so a map that drops a school's records (and hands out equal
  // ones later) drops its index and cached lists with them.
  const indexes = new WeakMap<InMemoryAssociationRecords, SchoolIndex>();
  const indexOf = (school: ResolvedSchool<S>): SchoolIndex => {
    const records = recordsBySchool.get(school.school.orgMasterId) ?? empty;
    let index = indexes.get(records);
    if (!index) {
      index = indexSchool(school.school, records);
      indexes.set(records, index);
    }
    return index;
  };

  const enrollmentsOf = (index: SchoolIndex, unit: string | undefined, filters: EnrollmentFilters): readonly Enrollment[] =>
    cached(index, ['enrollments', unit, filters.enrollmentType, filters.schoolPeriodId, filters.studyOfferingId, filters.subjectOfferingId], () =>
      index.enrollments.filter(
        (enrollment, i) => (unit === undefined || index.students.units[index.enrollmentPerson[i]!] === unit) && enrollmentMatches(index, enrollment, filters),
      ),
    );

  return {
    schools,
    listSchoolPeriods(school) {
      return indexOf(school).periods;
    },
    getSchoolPeriod(school, schoolPeriodId) {
      return indexOf(school).periodById.get(schoolPeriodId);
    },
    listEnrollments(school, filters) {
      const index = indexOf(school);
      checkFilters(index, filters);
      return enrollmentsOf(index, school.unit, filters);
    },
    getEnrollment(school, enrollmentId) {
      return enrollmentByIdOf(indexOf(school)).get(enrollmentId);
    },
    findEnrollmentsForStudent(school, student: UserReference, filters) {
      const index = indexOf(school);
      checkFilters(index, filters);
      const person = index.students.lookup(student);
      if (person === undefined) return undefined;
      return (enrollmentsByPersonOf(index).get(person) ?? []).filter((enrollment) => enrollmentMatches(index, enrollment, filters));
    },
    listAssignments(school, filters) {
      const index = indexOf(school);
      checkFilters(index, filters);
      const { unit } = school;
      return cached(index, ['assignments', unit, filters.assignmentType, filters.schoolPeriodId], () =>
        index.assignments.filter((assignment, i) => (unit === undefined || index.assignmentUnit[i] === unit) && assignmentMatches(index, assignment, filters)),
      );
    },
    getAssignment(school, assignmentId) {
      return indexOf(school).assignmentById.get(assignmentId);
    },
    findAssignmentsForEmployee(school, employee: UserReference, filters) {
      const index = indexOf(school);
      checkFilters(index, filters);
      const person = index.employees.lookup(employee);
      if (person === undefined) return undefined;
      return (index.assignmentsByPerson.get(person) ?? []).filter((assignment) => assignmentMatches(index, assignment, filters));
    },
    listGroups(school, filters) {
      const index = indexOf(school);
      checkFilters(index, filters);
      const { unit } = school;
      return cached(index, ['groups', unit, filters.groupType, filters.schoolPeriodId, filters.studyOfferingId, filters.subjectOfferingId], () =>
        index.groups.filter((group) => groupMatches(index, group, unit, filters)),
      );
    },
    getGroup(school, groupId) {
      return indexOf(school).groupById.get(groupId);
    },
  };
}
