import { createApiClient, type ApiClientOptions, type CallOptions, type EduvResponse } from '@eduvkit/core';
import type { Course, CourseStructure } from './generated/models';
import { courseApi } from './generated/registry';

export type CourseRequestOptions = Pick<CallOptions, 'signal' | 'timeoutMs' | 'headers'>;

export interface CourseClient {
  /** `GET /courses`: every course. */
  listCourses(options?: CourseRequestOptions): Promise<EduvResponse<Course[]>>;
  /** `GET /courses/{id}`: one course; unknown → EduvApiError 404 / 2021. */
  getCourse(courseId: string, options?: CourseRequestOptions): Promise<EduvResponse<Course>>;
  /** `GET /courses/{id}/cmi5e`: the course's cmi5 structure; unknown → EduvApiError 404 / 2021. */
  getCourseStructure(courseId: string, options?: CourseRequestOptions): Promise<EduvResponse<CourseStructure>>;
}

/** Client for the calling roles (afnemers) of the Course API. */
export function createCourseClient(options: ApiClientOptions): CourseClient {
  const client = createApiClient(courseApi, options);
  return {
    listCourses(request = {}) {
      return client.call('listCourses', request);
    },
    getCourse(courseId, request = {}) {
      return client.call('getCourse', { ...request, path: { id: courseId } });
    },
    getCourseStructure(courseId, request = {}) {
      return client.call('getCourseStructure', { ...request, path: { id: courseId } });
    },
  };
}
