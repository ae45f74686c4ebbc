import { systemClock, type Clock, type SchoolRecord } from '@eduvkit/core';
import { createBron, type Bron, type BronOptions } from '@eduvkit/core/server';
import { progressApi } from '../generated/registry';
import { ProgressBusinessStatus, progressRefusal } from '../generated/status';
import type { ProgressDataSource } from './data-source';
import { toEduvSpelling } from './sem-spellings';

export type ProgressOntvangerOptions<S extends SchoolRecord> = Omit<BronOptions<S>, 'schools'> & {
  /** For tests: the moment a message counts as received. */
  now?: Clock;
};

/** 2002: Edu-V leaves this code unpublished; eduvkit's choice, as in the Students API (decision 021), in the spec's business codes. */
export const PROGRESS_STUDENT_UNKNOWN = ProgressBusinessStatus.StudentUnknown;

/**
 * The Leermiddelendashboard's side of `PUT /progress` over a data source: token, scope, school,
 * consent and schema checks by `createBron`; here the SEM spellings, the refusal of unknown
 * students and the hand-over to the source.
 */
export function createProgressOntvanger<S extends SchoolRecord>(source: ProgressDataSource<S>, options: ProgressOntvangerOptions<S> = {}): Bron {
  const { now = systemClock, ...bronOptions } = options;
  return createBron<typeof progressApi, S>(
    progressApi,
    {
      putSimpleProgress: async ({ school, body, caller }) => {
        const progress = toEduvSpelling(body);
        if (!(await source.knowsStudent(school, progress.student))) {
          throw progressRefusal('putSimpleProgress', PROGRESS_STUDENT_UNKNOWN, `body field "student" is not a student of school ${school.school.orgMasterId}`);
        }
        await source.record({ school: school, progress, ...(caller.clientId ? { senderClientId: caller.clientId } : {}), receivedAt: now().toISOString() });
        return undefined;
      },
    },
    { ...bronOptions, schools: source.schools },
  );
}
