import type { Bron, BronOptions } from '@eduvkit/core/server';
import { createInMemoryStudentsSource, createStudentsBron } from '@eduvkit/students';
import type { MockWorld } from './world';

export type MockBronOptions = Pick<BronOptions, 'authenticate' | 'validateResponses' | 'onUnexpectedError'>;

/** Every API the mock serves, each a bron from its package over the shared world. */
export function createMockBrons(world: MockWorld, options: MockBronOptions = {}): Bron[] {
  return [createStudentsBron(createInMemoryStudentsSource(world.schools, world.students), options)];
}
