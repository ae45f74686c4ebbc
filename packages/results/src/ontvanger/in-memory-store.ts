import type { ResolvedSchool, SchoolRecord, SchoolSelection } from '@eduvkit/core';
import type { AssessmentDefinition, StudentScoresAndResults, UserReference } from '../generated/models';
import type { ReceivedResults, ResultsDataSource } from './data-source';

/** One student's scores and results for one assessment, as the latest delivery gave them. */
export interface StudentResultRecord {
  readonly orgMasterId: string;
  readonly assessmentDefinition: AssessmentDefinition;
  readonly assessmentDateTime: string;
  /** The item as the verzender wrote it, unknown fields included. */
  readonly item: StudentScoresAndResults;
  readonly senderClientId?: string;
  readonly receivedAt: string;
}

export interface ResultsFilter {
  readonly orgMasterId?: string;
  readonly assessmentId?: string;
  /** An ECK iD or a secondary user id. */
  readonly student?: string;
}

/** A bounded in-memory record of received results: the mock server keeps what it is sent here. */
export interface InMemoryResultsStore {
  record(received: ReceivedResults): void;
  /** Oldest change first. */
  list(filter?: ResultsFilter): StudentResultRecord[];
  readonly size: number;
  clear(): void;
}

/** Finds a student of a school by reference; the Students in-memory source is one. */
export interface StudentDirectory<S extends SchoolRecord = SchoolRecord> {
  findStudent(school: ResolvedSchool<S>, student: UserReference): unknown;
}

const studentKeys = (student: UserReference): string[] => [
  ...(student.userMasterIdentifier ? [student.userMasterIdentifier] : []),
  ...(student.userIds ?? []).map((id) => id.userId),
];

const itemKey = (orgMasterId: string, assessmentId: string, student: UserReference): string =>
  JSON.stringify([orgMasterId, assessmentId, student.userMasterIdentifier ?? student.userIds?.map((id) => `${id.userIdType}:${id.userId}`)]);

/**
 * Keeps the latest scores and results per school, assessment and student, at most `limit` of them:
 * a new student result beyond the limit pushes out the one changed longest ago.
 */
export function createInMemoryResultsStore(options: { limit?: number } = {}): InMemoryResultsStore {
  const limit = options.limit ?? 10_000;
  const records = new Map<string, StudentResultRecord>();
  return {
    record({ school, delivery, senderClientId, receivedAt }) {
      const orgMasterId = school.school.orgMasterId;
      for (const item of delivery.studentScoresAndResults) {
        const key = itemKey(orgMasterId, delivery.assessmentDefinition.id, item.student);
        records.delete(key);
        records.set(key, {
          orgMasterId,
          assessmentDefinition: delivery.assessmentDefinition,
          assessmentDateTime: delivery.assessmentDateTime,
          item,
          ...(senderClientId ? { senderClientId } : {}),
          receivedAt,
        });
        if (records.size > limit) records.delete(records.keys().next().value!);
      }
    },
    list(filter = {}) {
      return [...records.values()].filter(
        (record) =>
          (filter.orgMasterId === undefined || record.orgMasterId === filter.orgMasterId) &&
          (filter.assessmentId === undefined || record.assessmentDefinition.id === filter.assessmentId) &&
          (filter.student === undefined || studentKeys(record.item.student).includes(filter.student)),
      );
    },
    get size() {
      return records.size;
    },
    clear() {
      records.clear();
    },
  };
}

/** A Results data source over schools, a student directory and an in-memory store. */
export function createInMemoryResultsSource<S extends SchoolRecord>(
  schools: readonly S[] | ((selection: SchoolSelection) => ResolvedSchool<S> | undefined),
  students: StudentDirectory<S>,
  store: InMemoryResultsStore,
): ResultsDataSource<S> {
  return {
    schools,
    knowsStudent: (school, student) => students.findStudent(school, student) !== undefined,
    record: (received) => store.record(received),
  };
}
