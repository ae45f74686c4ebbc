import { createEducationWorld } from '../fixtures/world';
import type { EducationDataSource } from './data-source';
import { createInMemoryEducationSource } from './in-memory-source';

/** The seeded world's offerings in memory: what the MSW handlers serve when a test passes no source. */
export function createSeededEducationSource(seed: number): EducationDataSource {
  const world = createEducationWorld({ seed });
  return createInMemoryEducationSource(world.schools, world);
}
