import { createEmployeesWorld } from '../fixtures/world';
import type { EmployeesDataSource } from './data-source';
import { createInMemoryEmployeesSource } from './in-memory-source';

/** The seeded world's employees in memory: what the MSW handlers serve when a test passes no source. */
export function createSeededEmployeesSource(seed: number): EmployeesDataSource {
  const world = createEmployeesWorld({ seed });
  return createInMemoryEmployeesSource(world.schools, world.employees);
}
