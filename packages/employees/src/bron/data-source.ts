import type { ResolvedSchool, SchoolRecord, SchoolSelection } from '@eduvkit/core';
import type { Employee, EmployeeReference } from '../generated/models';

export interface EmployeeFilters {
  /** Only the employees working in this school period (400 / 2008 when the period is unknown). */
  schoolPeriodId?: string;
}

/**
 * What a bron needs to answer the Employees API: implement it on top of your own staff
 * administration and `createEmployeesBron` does the protocol. Throw a BronError for business
 * refusals (an unknown school period, for example).
 */
export interface EmployeesDataSource<S extends SchoolRecord = SchoolRecord> {
  /** The schools served, or a resolver for a selection (unknown → undefined → 400 / 2001, decision 008). */
  readonly schools: readonly S[] | ((selection: SchoolSelection) => ResolvedSchool<S> | undefined);
  listEmployees(school: ResolvedSchool<S>, filters: EmployeeFilters): readonly Employee[] | Promise<readonly Employee[]>;
  /** The employee any of the reference's identifiers names; undefined → 404 / 2004. */
  findEmployee(school: ResolvedSchool<S>, employee: EmployeeReference): Employee | undefined | Promise<Employee | undefined>;
}
