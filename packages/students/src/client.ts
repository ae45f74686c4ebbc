import {
  createApiClient,
  schoolQuery,
  schoolReference,
  type ApiClientOptions,
  type CallOptions,
  type EduvResponse,
  type SchoolSelection,
} from '@eduvkit/core';
import type { StudentFilters } from './bron/data-source';
import type { Student, UserReference } from './generated/models';
import { studentsApi } from './generated/registry';

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
  const client = createApiClient(studentsApi, options);
  return {
    listForSchool(school, filters = {}, request = {}) {
      return client.call('listStudentsForSchool', { ...request, query: { ...schoolQuery(school), ...filters } });
    },
    find(school, student, request = {}) {
      const reference: UserReference = typeof student === 'string' ? { userMasterIdentifier: student } : student;
      return client.call('findStudent', { ...request, body: { school: schoolReference(school), student: reference } });
    },
  };
}
