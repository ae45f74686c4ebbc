import {
  createApiClient,
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
import { associationApi } from './generated/registry';

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
  const client = createApiClient(associationApi, options);
  return {
    listSchoolPeriods(school, request = {}) {
      return client.call('listSchoolPeriodsForSchool', { ...request, query: { ...schoolQuery(school) } });
    },
    getSchoolPeriod(school, schoolPeriodId, request = {}) {
      return client.call('getSchoolPeriod', { ...request, path: { id: schoolPeriodId }, query: byIdQuery(school) });
    },
    listEnrollments(school, filters = {}, request = {}) {
      return client.call('listEnrollmentsForSchool', { ...request, query: { ...schoolQuery(school), ...filters } });
    },
    getEnrollment(school, enrollmentId, request = {}) {
      return client.call('getEnrollment', { ...request, path: { id: enrollmentId }, query: byIdQuery(school) });
    },
    findEnrollmentsForStudent(school, student, filters = {}, request = {}) {
      const reference: UserReference = typeof student === 'string' ? { userMasterIdentifier: student } : student;
      return client.call('findEnrollmentsForStudent', {
        ...request,
        query: { ...filters },
        body: { school: schoolReference(school), student: reference },
      });
    },
    listAssignments(school, filters = {}, request = {}) {
      return client.call('listAssignmentsForSchool', { ...request, query: { ...schoolQuery(school), ...filters } });
    },
    getAssignment(school, assignmentId, request = {}) {
      return client.call('getAssignment', { ...request, path: { id: assignmentId }, query: byIdQuery(school) });
    },
    findAssignmentsForEmployee(school, employee, filters = {}, request = {}) {
      return client.call('findAssignmentsForEmployee', {
        ...request,
        query: { ...filters },
        body: { employee, school: schoolReference(school) },
      });
    },
    listGroups(school, filters = {}, request = {}) {
      return client.call('listGroupsForSchool', { ...request, query: { ...schoolQuery(school), ...filters } });
    },
    getGroup(school, groupId, request = {}) {
      return client.call('getGroup', { ...request, path: { id: groupId }, query: byIdQuery(school) });
    },
  };
}
