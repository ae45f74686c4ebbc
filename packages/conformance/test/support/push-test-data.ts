import type { ApiRegistry } from '@eduvkit/core';

const PUSH_APIS = new Set(['results-api', 'progress-api']);

/**
 * The clients a bron suite acts as. Results and Progress are pushed by a verzender the ordering
 * environment is not: their demo verzender is active at every school, the demo test system only at
 * the first. Every other API takes the calling client given.
 */
export function pushClients(registry: ApiRegistry, callingClient: string, unconsentedClient: string): { client: string; unconsented: string } {
  if (!PUSH_APIS.has(registry.api)) return { client: callingClient, unconsented: unconsentedClient };
  return { client: 'demo-gebruiksomgeving', unconsented: 'demo-toetssysteem' };
}

/**
 * Results and Progress offer no lists the kit could find a student in, so a run needs bodies that
 * name one of the school's students, as the testlab takes them from each participant's test data.
 */
export function pushTestData(orgMasterId: string, student: { readonly userMasterIdentifier: string }): Record<string, unknown> {
  const school = { organisationMasterIdentifier: orgMasterId };
  return {
    'body.KVTPOSTRESULTS': {
      school,
      assessmentDateTime: '2026-03-12T09:30:00Z',
      assessmentDefinition: { id: 'kvt-toets', name: 'Toets rekenen' },
      studentScoresAndResults: [{ student, results: [{ result: '7.4' }] }],
    },
    'body.KVTPUTPROGRESS': {
      id: '6a0e7c2e-4f4b-4b8e-9a51-0c1f2d3e4f50',
      student,
      school,
      assignableUnitId: 'blok-1',
      courseId: 'rekenen-groep-5',
      status: 'completed',
      timestamp: '2026-03-12T10:05:00Z',
    },
  };
}
