import type { ResolvedSchool, SchoolRecord, SchoolSelection } from '@eduvkit/core';
import type { UserReference } from '../generated/models';
import type { ProgressDataSource, ReceivedProgress } from './data-source';
import type { ReceivedProgressMessage } from './sem-spellings';

/** The latest message per progress id. */
export interface ProgressRecord {
  readonly orgMasterId: string;
  readonly progress: ReceivedProgressMessage;
  readonly senderClientId?: string;
  readonly receivedAt: string;
}

export interface ProgressFilter {
  readonly orgMasterId?: string;
  readonly courseId?: string;
  /** An ECK iD or a secondary user id. */
  readonly student?: string;
}

/** A bounded in-memory record of received progress: the mock server keeps what it is sent here. */
export interface InMemoryProgressStore {
  record(received: ReceivedProgress): void;
  /** Oldest change first. */
  list(filter?: ProgressFilter): ProgressRecord[];
  readonly size: number;
  clear(): void;
}

/** Finds a student of a school by reference; the Students in-memory source is one. */
export interface ProgressStudentDirectory<S extends SchoolRecord = SchoolRecord> {
  findStudent(school: ResolvedSchool<S>, student: UserReference): unknown;
}

const namesStudent = (student: UserReference, key: string): boolean =>
  student.userMasterIdentifier === key || (student.userIds ?? []).some((id) => id.userId === key);

/**
 * Keeps the latest message per progress id (Edu-V reuses the id when the status changes), at most
 * `limit` of them: a new id beyond the limit pushes out the one changed longest ago.
 */
export function createInMemoryProgressStore(options: { limit?: number } = {}): InMemoryProgressStore {
  const limit = options.limit ?? 10_000;
  const records = new Map<string, ProgressRecord>();
  return {
    record({ school, progress, senderClientId, receivedAt }) {
      records.delete(progress.id);
      records.set(progress.id, { orgMasterId: school.school.orgMasterId, progress, ...(senderClientId ? { senderClientId } : {}), receivedAt });
      if (records.size > limit) records.delete(records.keys().next().value!);
    },
    list(filter = {}) {
      return [...records.values()].filter(
        ({ orgMasterId, progress }) =>
          (filter.orgMasterId === undefined || orgMasterId === filter.orgMasterId) &&
          (filter.courseId === undefined || progress.courseId === filter.courseId) &&
          (filter.student === undefined || namesStudent(progress.student, filter.student)),
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

/** A Progress data source over schools, a student directory and an in-memory store. */
export function createInMemoryProgressSource<S extends SchoolRecord>(
  schools: readonly S[] | ((selection: SchoolSelection) => ResolvedSchool<S> | undefined),
  students: ProgressStudentDirectory<S>,
  store: InMemoryProgressStore,
): ProgressDataSource<S> {
  return {
    schools,
    knowsStudent: (school, student) => students.findStudent(school, student) !== undefined,
    record: (received) => store.record(received),
  };
}
