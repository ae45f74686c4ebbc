import {
  schoolQuery,
  schoolReference,
  type ApiClientOptions,
  type CallOptions,
  type EduvResponse,
  type SchoolQuery,
  type SchoolSelection,
} from '@eduvkit/core';
import type { AssignmentFilters, EnrollmentFilters, GroupFilters } from './bron/data-source';
import type { Assignment, Enrollment, Group, SchoolPeriod, UserReference } from './generated/models';
import { createAssociationMethods } from './generated/client';

export type AssociationRequestOptions = Pick<CallOptions, 'signal' | 'timeoutMs' | 'headers'>;

/** A student named by ECK iD (a string) or by a full UserReference. */
export type AssociationStudentLookup = string | UserReference;

export interface AssociationClient {
  /** `GET /schoolperiods/school`: the school years and shorter periods of the school. */
  listSchoolPeriods(school: SchoolSelection, options?: AssociationRequestOptions): Promise<EduvResponse<SchoolPeriod[]>>;
  /** `GET /schoolperiods/school/{id}`: one school period ("2025-2026" or a GUID); 404 / 2008 when unknown. */
  getSchoolPeriod(school: SchoolSelection, schoolPeriodId: string, options?: AssociationRequestOptions): Promise<EduvResponse<SchoolPeriod>>;
  /** `GET /enrollments/school`: the enrollments of the school's students, optionally filtered. */
  listEnrollments(school: SchoolSelection, filters?: EnrollmentFilters, options?: AssociationRequestOptions): Promise<EduvResponse<Enrollment[]>>;
  /** `GET /enrollments/school/{id}`: one enrollment; 404 when unknown. */
  getEnrollment(school: SchoolSelection, enrollmentId: string, options?: AssociationRequestOptions): Promise<EduvResponse<Enrollment>>;
  /** `POST /enrollments/school/student`: the enrollments of one student; 404 / 2002 when the school does not know the student. */
  findEnrollmentsForStudent(
    school: SchoolSelection,
    student: AssociationStudentLookup,
    filters?: EnrollmentFilters,
    options?: AssociationRequestOptions,
  ): Promise<EduvResponse<Enrollment[]>>;
  /** `GET /assignments/school`: the assignments of the school's employees, optionally filtered. */
  listAssignments(school: SchoolSelection, filters?: AssignmentFilters, options?: AssociationRequestOptions): Promise<EduvResponse<Assignment[]>>;
  /** `GET /assignments/school/{id}`: one assignment; 404 when unknown. */
  getAssignment(school: SchoolSelection, assignmentId: string, options?: AssociationRequestOptions): Promise<EduvResponse<Assignment>>;
  /** `POST /assignments/school/employee`: the assignments of one employee; 404 when the school does not know the employee. */
  findAssignmentsForEmployee(
    school: SchoolSelection,
    employee: UserReference,
    filters?: AssignmentFilters,
    options?: AssociationRequestOptions,
  ): Promise<EduvResponse<Assignment[]>>;
  /** `GET /groups/school`: the classes and lesson groups of the school, optionally filtered. */
  listGroups(school: SchoolSelection, filters?: GroupFilters, options?: AssociationRequestOptions): Promise<EduvResponse<Group[]>>;
  /** `GET /groups/school/{id}`: one group; 404 when unknown. */
  getGroup(school: SchoolSelection, groupId: string, options?: AssociationRequestOptions): Promise<EduvResponse<Group>>;
}

/** The by-id endpoints take no filterByOrgId: the id names the object. */
function byIdQuery(school: SchoolSelection): Omit<SchoolQuery, 'filterByOrgId'> {
  const { filterByOrgId: _ignored, ...query } = schoolQuery(school);
  return { ...query };
}

/** Client for the calling role (afnemer) of the Association API. */
export function createAssociationClient(options: ApiClientOptions): AssociationClient {
  const methods = createAssociationMethods(options);
  return {
    listSchoolPeriods: (school, request = {}) => methods.listSchoolPeriods({ ...schoolQuery(school) }, request),
    getSchoolPeriod: (school, id, request = {}) => methods.getSchoolPeriod({ ...request, path: { id }, query: byIdQuery(school) }),
    listEnrollments: (school, filters = {}, request = {}) => methods.listEnrollments({ ...schoolQuery(school), ...filters }, request),
    getEnrollment: (school, id, request = {}) => methods.getEnrollment({ ...request, path: { id }, query: byIdQuery(school) }),
    findEnrollmentsForStudent(school, student, filters = {}, request = {}) {
      const reference: UserReference = typeof student === 'string' ? { userMasterIdentifier: student } : student;
      return methods.findEnrollmentsForStudent({ ...request, query: { ...filters }, body: { school: schoolReference(school), student: reference } });
    },
    listAssignments: (school, filters = {}, request = {}) => methods.listAssignments({ ...schoolQuery(school), ...filters }, request),
    getAssignment: (school, id, request = {}) => methods.getAssignment({ ...request, path: { id }, query: byIdQuery(school) }),
    findAssignmentsForEmployee: (school, employee, filters = {}, request = {}) =>
      methods.findAssignmentsForEmployee({ ...request, query: { ...filters }, body: { employee, school: schoolReference(school) } }),
    listGroups: (school, filters = {}, request = {}) => methods.listGroups({ ...schoolQuery(school), ...filters }, request),
    getGroup: (school, id, request = {}) => methods.getGroup({ ...request, path: { id }, query: byIdQuery(school) }),
  };
}
