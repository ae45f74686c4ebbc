import type { ResolvedSchool, SchoolRecord, SchoolSelection } from '@eduvkit/core';
import type { Assignment, AssignmentType, Enrollment, EnrollmentType, Group, GroupType, SchoolPeriod, UserReference } from '../generated/models';

type Awaitable<T> = T | Promise<T>;

/** Query filters of `GET /enrollments/school` and `POST /enrollments/school/student`. */
export interface EnrollmentFilters {
  enrollmentType?: EnrollmentType;
  schoolPeriodId?: string;
  studyOfferingId?: string;
  subjectOfferingId?: string;
}

/** Query filters of `GET /assignments/school` and `POST /assignments/school/employee`. */
export interface AssignmentFilters {
  assignmentType?: AssignmentType;
  schoolPeriodId?: string;
}

/** Query filters of `GET /groups/school`. */
export interface GroupFilters {
  groupType?: GroupType;
  schoolPeriodId?: string;
  studyOfferingId?: string;
  subjectOfferingId?: string;
}

/**
 * What a bron needs to answer the Association API: implement it on top of your own student
 * administration and `createAssociationBron` does the protocol. Throw a BronError for business
 * refusals (an unknown school period in a filter, for example); return undefined for an object
 * the school does not know and the bron answers 404 with the matching code.
 */
export interface AssociationDataSource<S extends SchoolRecord = SchoolRecord> {
  /** The schools served, or a resolver for a selection (unknown → undefined → 400 / 2001, decision 008). */
  readonly schools: readonly S[] | ((selection: SchoolSelection) => ResolvedSchool<S> | undefined);
  listSchoolPeriods(school: ResolvedSchool<S>): Awaitable<readonly SchoolPeriod[]>;
  /** undefined → 404 / 2008. */
  getSchoolPeriod(school: ResolvedSchool<S>, schoolPeriodId: string): Awaitable<SchoolPeriod | undefined>;
  listEnrollments(school: ResolvedSchool<S>, filters: EnrollmentFilters): Awaitable<readonly Enrollment[]>;
  /** undefined → 404 / 2007. */
  getEnrollment(school: ResolvedSchool<S>, enrollmentId: string): Awaitable<Enrollment | undefined>;
  /** undefined when the school does not know the student (→ 404 / 2002); `[]` when nothing matches. */
  findEnrollmentsForStudent(school: ResolvedSchool<S>, student: UserReference, filters: EnrollmentFilters): Awaitable<readonly Enrollment[] | undefined>;
  listAssignments(school: ResolvedSchool<S>, filters: AssignmentFilters): Awaitable<readonly Assignment[]>;
  /** undefined → 404 / 2007. */
  getAssignment(school: ResolvedSchool<S>, assignmentId: string): Awaitable<Assignment | undefined>;
  /** undefined when the school does not know the employee (→ 404 / 2004); `[]` when nothing matches. */
  findAssignmentsForEmployee(school: ResolvedSchool<S>, employee: UserReference, filters: AssignmentFilters): Awaitable<readonly Assignment[] | undefined>;
  listGroups(school: ResolvedSchool<S>, filters: GroupFilters): Awaitable<readonly Group[]>;
  /** undefined → 404 / 2006. */
  getGroup(school: ResolvedSchool<S>, groupId: string): Awaitable<Group | undefined>;
}
