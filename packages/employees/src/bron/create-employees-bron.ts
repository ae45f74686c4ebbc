import type { SchoolRecord } from '@eduvkit/core';
import { createBron, type Bron, type BronOptions } from '@eduvkit/core/server';
import { employeesApi } from '../generated/registry';
import type { EmployeesDataSource } from './data-source';
import { EmployeesStatus, employeesRefusal } from '../generated/status';

export type EmployeesBronOptions<S extends SchoolRecord> = Omit<BronOptions<S>, 'schools'>;

/** A complete Employees API bron over a data source: the mock server and the MSW handlers use this. */
export function createEmployeesBron<S extends SchoolRecord>(source: EmployeesDataSource<S>, options: EmployeesBronOptions<S> = {}): Bron {
  return createBron<typeof employeesApi, S>(
    employeesApi,
    {
      listEmployeesForSchool: ({ school, query: { schoolPeriodId } }) => source.listEmployees(school, { schoolPeriodId }),
      findEmployee: async ({ school, body }) => {
        const employee = await source.findEmployee(school, body.employee);
        if (!employee) throw employeesRefusal('findEmployee', EmployeesStatus.EmployeeUnknown, 'no employee with that reference at this school');
        return employee;
      },
    },
    { ...options, schools: source.schools },
  );
}
