import type { ResolvedSchool, SchoolRecord } from '@eduvkit/core';
import { BronError } from '@eduvkit/core/server';
import type { Employee, EmployeeReference } from '../generated/models';
import type { EmployeeFilters, EmployeesDataSource } from './data-source';
import { EmployeesStatus } from '../generated/status';

/** A school as the in-memory source needs it: its record plus the school period ids filters may name. */
export interface InMemoryEmployeesSchool extends SchoolRecord {
  readonly catalogue: {
    readonly periods: readonly { readonly id: string }[];
  };
}

export interface InMemoryEmployeeRecord {
  readonly employee: Employee;
  /** The vestiging (unit) the employee works at, matched against a unit-level school id. */
  readonly unit?: string;
  /** The school periods the employee works in; `schoolPeriodId` selects on these. */
  readonly schoolPeriodIds: readonly string[];
}

interface SchoolIndex {
  records: readonly InMemoryEmployeeRecord[];
  byUserId: Map<string, Employee>;
  periods: Set<string>;
  lists: Map<string, readonly Employee[]>;
}

const userKey = (type: string, id: string): string => `${type}\u0000${id}`;

function indexSchool(school: InMemoryEmployeesSchool, records: readonly InMemoryEmployeeRecord[]): SchoolIndex {
  const byUserId = new Map<string, Employee>();
  for (const { employee } of records) {
    if (employee.userMasterIdentifier) byUserId.set(userKey('eckId', employee.userMasterIdentifier), employee);
    for (const id of employee.userIds) byUserId.set(userKey(id.userIdType, id.userId), employee);
  }
  return {
    records,
    byUserId,
    periods: new Set(school.catalogue.periods.map((period) => period.id)),
    lists: new Map(),
  };
}

function checkFilters(index: SchoolIndex, filters: EmployeeFilters): void {
  if (filters.schoolPeriodId !== undefined && !index.periods.has(filters.schoolPeriodId)) {
    throw BronError.business(EmployeesStatus.SchoolPeriodUnknown, `SchoolPeriod unknown: schoolPeriodId ${filters.schoolPeriodId}`);
  }
}

function matches(record: InMemoryEmployeeRecord, unit: string | undefined, filters: EmployeeFilters): boolean {
  if (unit !== undefined && record.unit !== unit) return false;
  return filters.schoolPeriodId === undefined || record.schoolPeriodIds.includes(filters.schoolPeriodId);
}

/**
 * An Employees data source over records held in memory (the mock server's world, MSW tests).
 * Lists are computed once per school, unit and filter; the records are treated as immutable.
 */
export function createInMemoryEmployeesSource<S extends InMemoryEmployeesSchool>(
  schools: readonly S[],
  recordsBySchool: ReadonlyMap<string, readonly InMemoryEmployeeRecord[]>,
): EmployeesDataSource<S> {
  const indexes = new Map(schools.map((school) => [school.orgMasterId, indexSchool(school, recordsBySchool.get(school.orgMasterId) ?? [])]));
  const indexOf = (school: ResolvedSchool<S>): SchoolIndex => indexes.get(school.school.orgMasterId)!;
  return {
    schools,
    listEmployees(school, filters) {
      const index = indexOf(school);
      checkFilters(index, filters);
      const key = JSON.stringify([school.unit, filters.schoolPeriodId]);
      let list = index.lists.get(key);
      if (!list) {
        list = index.records.filter((record) => matches(record, school.unit, filters)).map((record) => record.employee);
        index.lists.set(key, list);
      }
      return list;
    },
    findEmployee(school, reference: EmployeeReference) {
      const index = indexOf(school);
      if (reference.userMasterIdentifier) {
        const found = index.byUserId.get(userKey('eckId', reference.userMasterIdentifier));
        if (found) return found;
      }
      for (const id of reference.userIds) {
        const found = index.byUserId.get(userKey(id.userIdType, id.userId));
        if (found) return found;
      }
      return undefined;
    },
  };
}
