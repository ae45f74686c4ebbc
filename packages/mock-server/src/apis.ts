import type { ApiRegistry } from '@eduvkit/core';
import type { Bron, BronOptions } from '@eduvkit/core/server';
import { createEducationBron, createInMemoryEducationSource, educationApi } from '@eduvkit/education';
import { createEmployeesBron, createInMemoryEmployeesSource, employeesApi } from '@eduvkit/employees';
import { createInMemoryStudentsSource, createStudentsBron, studentsApi } from '@eduvkit/students';
import type { MockWorld } from './world';

export type MockBronOptions = Pick<BronOptions, 'authenticate' | 'authorize' | 'validateResponses' | 'onUnexpectedError'>;

/** The registries of every API the mock serves: they decide routes, roles and scopes. */
export const MOCK_REGISTRIES: readonly ApiRegistry[] = [studentsApi, employeesApi, educationApi];

/** Every API the mock serves, each a bron from its package over the shared world. */
export function createMockBrons(world: MockWorld, options: MockBronOptions = {}): Bron[] {
  return [
    createStudentsBron(createInMemoryStudentsSource(world.schools, world.students), options),
    createEmployeesBron(createInMemoryEmployeesSource(world.schools, world.employees), options),
    createEducationBron(createInMemoryEducationSource(world.schools, world.education), options),
  ];
}
