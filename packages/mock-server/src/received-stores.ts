import { createInMemoryProgressStore, type InMemoryProgressStore } from '@eduvkit/progress';
import { createInMemoryResultsStore, type InMemoryResultsStore } from '@eduvkit/results';

/** What the mock keeps of the messages it receives as Leermiddelendashboard / Administratiesysteem leerresultaten. */
export interface ReceivedStores {
  readonly results: InMemoryResultsStore;
  readonly progress: InMemoryProgressStore;
}

/** Bounded, so a long-running mock that is sent a lot does not grow without end. */
export const RECEIVED_LIMIT = 10_000;

export function createReceivedStores(limit = RECEIVED_LIMIT): ReceivedStores {
  return { results: createInMemoryResultsStore({ limit }), progress: createInMemoryProgressStore({ limit }) };
}
