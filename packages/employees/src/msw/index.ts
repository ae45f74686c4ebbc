import type { SchoolRecord } from '@eduvkit/core';
import { defineApiMsw, type ApiHandlersOptions } from '@eduvkit/core/msw';
import type { HttpHandler } from 'msw';
import { createEmployeesBron, type EmployeesBronOptions } from '../bron/create-employees-bron';
import type { EmployeesDataSource } from '../bron/data-source';
import { createInMemoryEmployeesSource } from '../bron/in-memory-source';
import { createEmployeesWorld } from '../fixtures/world';
import { employeesApi } from '../generated/registry';
import { DEFAULT_EMPLOYEES_BASE_URL } from '../generated/base-url';

export type { OverrideReply } from '@eduvkit/core/msw';

export { DEFAULT_EMPLOYEES_BASE_URL };

export type EmployeesHandlersOptions<S extends SchoolRecord = SchoolRecord> = ApiHandlersOptions<EmployeesDataSource<S>, EmployeesBronOptions<S>>;

const msw = defineApiMsw<typeof employeesApi, EmployeesDataSource, EmployeesBronOptions<SchoolRecord>>({
  registry: employeesApi,
  defaultBaseUrl: DEFAULT_EMPLOYEES_BASE_URL,
  createBron: (source, options) => createEmployeesBron(source, options),
  seededSource: (seed) => {
    const world = createEmployeesWorld({ seed });
    return createInMemoryEmployeesSource(world.schools, world.employees);
  },
});

/** MSW handlers that answer exactly like the eduvkit mock server's Employees API. */
export function employeesHandlers<S extends SchoolRecord = SchoolRecord>(options: EmployeesHandlersOptions<S> = {}): HttpHandler[] {
  return msw.handlers(options as unknown as EmployeesHandlersOptions);
}

/** A one-operation override for `server.use(...)`: answer with this status, body and headers. */
export const employeesOverride = msw.override;
