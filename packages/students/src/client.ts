import { schoolQuery, schoolReference, type ApiClientOptions, type CallOptions, type EduvResponse, type SchoolSelection } from '@eduvkit/core';
import type { StudentFilters } from './bron/data-source';
import type { Student, UserReference } from './generated/models';
import { createStudentsMethods } from './generated/client';

export type StudentsRequestOptions = Pick<CallOptions, 'signal' | 'timeoutMs' | 'headers'>;

/** A student named by ECK iD (a string) or by a full UserReference. */
export type StudentLookup = string | UserReference;

export interface StudentsClient {
  /** `GET /students/school`: every student of the school, optionally filtered. */
  listForSchool(school: SchoolSelection, filters?: StudentFilters, options?: StudentsRequestOptions): Promise<EduvResponse<Student[]>>;
  /** `POST /students`: one student of the school. */
  find(school: SchoolSelection, student: StudentLookup, options?: StudentsRequestOptions): Promise<EduvResponse<Student>>;
}

/** Client for the calling role (afnemer) of the Students API. */
export function createStudentsClient(options: ApiClientOptions): StudentsClient {
  const methods = createStudentsMethods(options);
  return {
    listForSchool: (school, filters = {}, request = {}) => methods.listForSchool({ ...schoolQuery(school), ...filters }, request),
    find(school, student, request = {}) {
      const reference: UserReference = typeof student === 'string' ? { userMasterIdentifier: student } : student;
      return methods.find({ school: schoolReference(school), student: reference }, request);
    },
  };
}
