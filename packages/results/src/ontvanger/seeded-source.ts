import { createInMemoryStudentsSource } from '@eduvkit/students';
import { createStudentsWorld } from '@eduvkit/students/fixtures';
import type { ResultsDataSource } from './data-source';
import { createInMemoryResultsSource, createInMemoryResultsStore } from './in-memory-store';

/**
 * The seeded students world behind the MSW handlers when a test passes no source: results are
 * checked like at the mock, then kept where no test reads them (pass `source` to read them back).
 */
export function createSeededResultsSource(seed: number): ResultsDataSource {
  const world = createStudentsWorld({ seed });
  return createInMemoryResultsSource(world.schools, createInMemoryStudentsSource(world.schools, world.students), createInMemoryResultsStore());
}
