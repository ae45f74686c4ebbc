import type { ResolvedSchool, SchoolRecord, SchoolSelection } from '@eduvkit/core';
import type { Student, UserReference } from '../generated/models';

export interface StudentFilters {
  schoolPeriodId?: string;
  studyOfferingId?: string;
  subjectOfferingId?: string;
}

/**
 * What a bron needs to answer the Students API: implement it on top of your own student
 * administration and `createStudentsBron` does the protocol. Throw a BronError for business
 * refusals (an unknown school period, for example).
 */
export interface StudentsDataSource<S extends SchoolRecord = SchoolRecord> {
  /** The schools served, or a resolver for a selection (unknown → undefined → 400 / 2001, decision 008). */
  readonly schools: readonly S[] | ((selection: SchoolSelection) => ResolvedSchool<S> | undefined);
  listStudents(school: ResolvedSchool<S>, filters: StudentFilters): readonly Student[] | Promise<readonly Student[]>;
  findStudent(school: ResolvedSchool<S>, student: UserReference): Student | undefined | Promise<Student | undefined>;
}
