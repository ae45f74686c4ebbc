import { createAssociationWorld } from '../fixtures/world';
import type { AssociationDataSource } from './data-source';
import { createInMemoryAssociationSource } from './in-memory-source';

/** The seeded world's associations in memory: what the MSW handlers serve when a test passes no source. */
export function createSeededAssociationSource(seed: number): AssociationDataSource {
  const world = createAssociationWorld({ seed });
  return createInMemoryAssociationSource(world.schools, world.records);
}
