import { createStudentsWorld } from '../fixtures/world';
import type { StudentsDataSource } from './data-source';
import { createInMemoryStudentsSource } from './in-memory-source';

/** The seeded world's students in memory: what the MSW handlers serve when a test passes no source. */
export function createSeededStudentsSource(seed: number): StudentsDataSource {
  const world = createStudentsWorld({ seed });
  return createInMemoryStudentsSource(world.schools, world.students);
}
