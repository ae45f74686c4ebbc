import { createInMemoryStudentsSource } from '@eduvkit/students';
import { createStudentsWorld } from '@eduvkit/students/fixtures';
import type { ProgressDataSource } from './data-source';
import { createInMemoryProgressSource, createInMemoryProgressStore } from './in-memory-store';

/**
 * The seeded students world behind the MSW handlers when a test passes no source: progress is
 * checked like at the mock, then kept where no test reads it (pass `source` to read it back).
 */
export function createSeededProgressSource(seed: number): ProgressDataSource {
  const world = createStudentsWorld({ seed });
  return createInMemoryProgressSource(world.schools, createInMemoryStudentsSource(world.schools, world.students), createInMemoryProgressStore());
}
