import type { ResolvedSchool, SchoolRecord } from '@eduvkit/core';
import { BronError } from '@eduvkit/core/server';
import type { Student, UserReference } from '../generated/models';
import type { StudentFilters, StudentsDataSource } from './data-source';
import { StudentsStatus } from '../generated/status';

/** A school as the in-memory source needs it: its record plus the ids filters may name. */
export interface InMemorySchool extends SchoolRecord {
  readonly catalogue: {
    readonly periods: readonly { readonly id: string }[];
    readonly studyOfferings: readonly { readonly id: string }[];
    readonly subjectOfferings: readonly { readonly id: string }[];
  };
}

export interface InMemoryStudentRecord {
  readonly student: Student;
  /** The vestiging (unit) the student attends, matched against a unit-level school id. */
  readonly unit?: string;
  readonly enrollments: readonly {
    readonly schoolPeriodId: string;
    readonly studyOfferingId: string;
    readonly subjectOfferingIds: readonly string[];
  }[];
}

interface SchoolIndex {
  records: readonly InMemoryStudentRecord[];
  /** Built on the first search: a list or sync never needs it (the large world's cost 32 MiB). */
  byUserId: Map<string, Student> | undefined;
  periods: Set<string>;
  studyOfferings: Set<string>;
  subjectOfferings: Set<string>;
  lists: Map<string, readonly Student[]>;
}

const userKey = (type: string, id: string): string => `${type}\u0000${id}`;

function byUserIdOf(index: SchoolIndex): Map<string, Student> {
  if (index.byUserId) return index.byUserId;
  const byUserId = new Map<string, Student>();
  for (const { student } of index.records) {
    if (student.userMasterIdentifier) byUserId.set(userKey('eckId', student.userMasterIdentifier), student);
    for (const id of student.userIds ?? []) byUserId.set(userKey(id.userIdType, id.userId), student);
  }
  return (index.byUserId = byUserId);
}

function indexSchool(school: InMemorySchool, records: readonly InMemoryStudentRecord[]): SchoolIndex {
  return {
    records,
    byUserId: undefined,
    periods: new Set(school.catalogue.periods.map((period) => period.id)),
    studyOfferings: new Set(school.catalogue.studyOfferings.map((offering) => offering.id)),
    subjectOfferings: new Set(school.catalogue.subjectOfferings.map((offering) => offering.id)),
    lists: new Map(),
  };
}

function checkFilters(index: SchoolIndex, filters: StudentFilters): void {
  if (filters.schoolPeriodId !== undefined && !index.periods.has(filters.schoolPeriodId)) {
    throw BronError.business(StudentsStatus.SchoolPeriodUnknown, `SchoolPeriod unknown: schoolPeriodId ${filters.schoolPeriodId}`);
  }
  if (filters.studyOfferingId !== undefined && !index.studyOfferings.has(filters.studyOfferingId)) {
    throw BronError.business(StudentsStatus.StudyOfferingUnknown, `StudyOffering unknown: studyOfferingId ${filters.studyOfferingId}`);
  }
  if (filters.subjectOfferingId !== undefined && !index.subjectOfferings.has(filters.subjectOfferingId)) {
    throw BronError.business(StudentsStatus.SubjectOfferingUnknown, `SubjectOffering unknown: subjectOfferingId ${filters.subjectOfferingId}`);
  }
}

function matches(record: InMemoryStudentRecord, unit: string | undefined, filters: StudentFilters): boolean {
  if (unit !== undefined && record.unit !== unit) return false;
  if (filters.schoolPeriodId === undefined && filters.studyOfferingId === undefined && filters.subjectOfferingId === undefined) return true;
  return record.enrollments.some(
    (enrollment) =>
      (filters.schoolPeriodId === undefined || enrollment.schoolPeriodId === filters.schoolPeriodId) &&
      (filters.studyOfferingId === undefined || enrollment.studyOfferingId === filters.studyOfferingId) &&
      (filters.subjectOfferingId === undefined || enrollment.subjectOfferingIds.includes(filters.subjectOfferingId)),
  );
}

/**
 * A Students data source over records held in memory (the mock server's world, MSW tests).
 * Lists are computed once per school, unit and filter set; the records are treated as immutable.
 */
export function createInMemoryStudentsSource<S extends InMemorySchool>(
  schools: readonly S[],
  recordsBySchool: ReadonlyMap<string, readonly InMemoryStudentRecord[]>,
): StudentsDataSource<S> {
  // Indexed on first use: the mock rebuilds its sources on every world change, over every school.
  const indexes = new Map<string, SchoolIndex>();
  const indexOf = (school: ResolvedSchool<S>): SchoolIndex => {
    const id = school.school.orgMasterId;
    let index = indexes.get(id);
    if (!index) indexes.set(id, (index = indexSchool(school.school, recordsBySchool.get(id) ?? [])));
    return index;
  };
  return {
    schools,
    listStudents(school, filters) {
      const index = indexOf(school);
      checkFilters(index, filters);
      const key = JSON.stringify([school.unit, filters.schoolPeriodId, filters.studyOfferingId, filters.subjectOfferingId]);
      let list = index.lists.get(key);
      if (!list) {
        list = index.records.filter((record) => matches(record, school.unit, filters)).map((record) => record.student);
        index.lists.set(key, list);
      }
      return list;
    },
    findStudent(school, reference: UserReference) {
      const byUserId = byUserIdOf(indexOf(school));
      if (reference.userMasterIdentifier) {
        const found = byUserId.get(userKey('eckId', reference.userMasterIdentifier));
        if (found) return found;
      }
      for (const id of reference.userIds ?? []) {
        const found = byUserId.get(userKey(id.userIdType, id.userId));
        if (found) return found;
      }
      return undefined;
    },
  };
}
