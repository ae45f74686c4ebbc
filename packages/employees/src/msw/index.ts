import type { SchoolRecord } from '@eduvkit/core';
import { bronHandlers, overrideHandler, type OverrideReply } from '@eduvkit/core/msw';
import type { HttpHandler } from 'msw';
import { createEmployeesBron, type EmployeesBronOptions } from '../bron/create-employees-bron';
import type { EmployeesDataSource } from '../bron/data-source';
import { createInMemoryEmployeesSource } from '../bron/in-memory-source';
import { createEmployeesWorld } from '../fixtures/world';
import { employeesApi } from '../generated/registry';

export type { OverrideReply } from '@eduvkit/core/msw';

/** Where the handlers answer unless told otherwise; point your client's baseUrl here. */
export const DEFAULT_EMPLOYEES_BASE_URL = 'https://bron.eduvkit.test/employees-api/v1';

export interface EmployeesHandlersOptions<S extends SchoolRecord = SchoolRecord> {
  /** Base URL including the major version; default DEFAULT_EMPLOYEES_BASE_URL. */
  baseUrl?: string;
  /** The data behind the handlers; default a seeded world (see `seed`). */
  source?: EmployeesDataSource<S>;
  /** Seed of the default world; the same as `eduvkit mock --seed`. Default 1. */
  seed?: number;
  /** Bron options, e.g. `authenticate` to check tokens or `authorize` to simulate consent. */
  bron?: EmployeesBronOptions<S>;
}

/** MSW handlers that answer exactly like the eduvkit mock server's Employees API. */
export function employeesHandlers<S extends SchoolRecord = SchoolRecord>(options: EmployeesHandlersOptions<S> = {}): HttpHandler[] {
  const baseUrl = options.baseUrl ?? DEFAULT_EMPLOYEES_BASE_URL;
  const source =
    options.source ??
    (() => {
      const world = createEmployeesWorld({ seed: options.seed ?? 1 });
      return createInMemoryEmployeesSource(world.schools, world.employees) as unknown as EmployeesDataSource<S>;
    })();
  const bron = createEmployeesBron(source, { ...options.bron, basePath: new URL(baseUrl).pathname.replace(/\/+$/, '') });
  return bronHandlers(employeesApi, bron, baseUrl);
}

/** A one-operation override for `server.use(...)`: answer with this status, body and headers. */
export function employeesOverride(
  operationId: keyof typeof employeesApi.operations,
  reply: OverrideReply,
  options: { baseUrl?: string } = {},
): HttpHandler {
  return overrideHandler(employeesApi, operationId, reply, options.baseUrl ?? DEFAULT_EMPLOYEES_BASE_URL);
}
