import { EduvStatus, systemClock, type Clock, type SchoolRecord } from '@eduvkit/core';
import { createBron, type Bron, type BronOptions } from '@eduvkit/core/server';
import { resultsApi } from '../generated/registry';
import { ResultsStatus, resultsRefusal } from '../generated/status';
import type { ResultsDataSource } from './data-source';

export type ResultsOntvangerOptions<S extends SchoolRecord> = Omit<BronOptions<S>, 'schools'> & {
  /** For tests: the moment a delivery counts as received. */
  now?: Clock;
};

/** 2002: Edu-V leaves this code unpublished; eduvkit's choice, as in the Students API (decision 021), in the spec's business codes. */
export const RESULTS_STUDENT_UNKNOWN = ResultsStatus.StudentUnknown;

/**
 * The receiving side of `POST /results` (Administratiesysteem leerresultaten, Leermiddelendashboard)
 * over a data source: token, scope, school, consent and schema checks by `createBron`; here only
 * the refusal of unknown students and the hand-over to the source.
 */
export function createResultsOntvanger<S extends SchoolRecord>(source: ResultsDataSource<S>, options: ResultsOntvangerOptions<S> = {}): Bron {
  const { now = systemClock, ...bronOptions } = options;
  return createBron<typeof resultsApi, S>(
    resultsApi,
    {
      postResults: async ({ school, body, caller }) => {
        for (const [index, item] of body.studentScoresAndResults.entries()) {
          if (!(await source.knowsStudent(school, item.student))) {
            throw resultsRefusal(
              'postResults',
              RESULTS_STUDENT_UNKNOWN,
              `studentScoresAndResults[${index}].student is not a student of school ${school.school.orgMasterId}`,
            );
          }
        }
        await source.record({
          school: school,
          delivery: body,
          ...(caller.clientId ? { senderClientId: caller.clientId } : {}),
          receivedAt: now().toISOString(),
        });
        return { status: EduvStatus.Created, statusMessage: 'Created' };
      },
    },
    { ...bronOptions, schools: source.schools },
  );
}
