import { schoolQuery, schoolReference, type ApiClientOptions, type CallOptions, type EduvResponse, type SchoolSelection } from '@eduvkit/core';
import type { EmployeeFilters } from './bron/data-source';
import type { Employee, EmployeeReference } from './generated/models';
import { createEmployeesMethods } from './generated/client';

export type EmployeesRequestOptions = Pick<CallOptions, 'signal' | 'timeoutMs' | 'headers'>;

/**
 * An employee named by its secondary identifiers: `{ userIds: [{ userId, userIdType }] }`.
 * Employees have no primary identifier (no ECK iD), so `userIds` is mandatory.
 */
export type EmployeeLookup = EmployeeReference;

export interface EmployeesClient {
  /** `GET /employees/school`: every employee of the school, optionally limited to one school period. */
  listForSchool(school: SchoolSelection, filters?: EmployeeFilters, options?: EmployeesRequestOptions): Promise<EduvResponse<Employee[]>>;
  /** `POST /employees`: one employee of the school, found by any of its secondary identifiers. */
  find(school: SchoolSelection, employee: EmployeeLookup, options?: EmployeesRequestOptions): Promise<EduvResponse<Employee>>;
}

/** Client for the calling role (afnemer) of the Employees API. */
export function createEmployeesClient(options: ApiClientOptions): EmployeesClient {
  const methods = createEmployeesMethods(options);
  return {
    listForSchool: (school, filters = {}, request = {}) => methods.listForSchool({ ...schoolQuery(school), ...filters }, request),
    find: (school, employee, request = {}) => methods.find({ school: schoolReference(school), employee }, request),
  };
}
