import type { ApiRegistry } from '@eduvkit/core';
import type { Bron, BronOptions } from '@eduvkit/core/server';
import { createInMemoryStudentsSource, createStudentsBron, studentsApi } from '@eduvkit/students';
import type { MockWorld } from './world';

export type MockBronOptions = Pick<BronOptions, 'authenticate' | 'authorize' | 'validateResponses' | 'onUnexpectedError'>;

/** The registries of every API the mock serves: they decide routes, roles and scopes. */
export const MOCK_REGISTRIES: readonly ApiRegistry[] = [studentsApi];

/** Every API the mock serves, each a bron from its package over the shared world. */
export function createMockBrons(world: MockWorld, options: MockBronOptions = {}): Bron[] {
  return [createStudentsBron(createInMemoryStudentsSource(world.schools, world.students), options)];
}
