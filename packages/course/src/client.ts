import { type ApiClientOptions, type CallOptions, type EduvResponse } from '@eduvkit/core';
import type { Course, CourseStructure } from './generated/models';
import { createCourseMethods } from './generated/client';

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
  return createCourseMethods(options);
}
