import { defineApiMsw, type ApiHandlersOptions } from '@eduvkit/core/msw';
import type { HttpHandler } from 'msw';
import { createCourseBron, type CourseBronOptions } from '../bron/create-course-bron';
import type { CourseDataSource } from '../bron/data-source';
import { createInMemoryCourseSource } from '../bron/in-memory-source';
import { createCourseRecords } from '../fixtures/courses';
import { courseApi } from '../generated/registry';
import { DEFAULT_COURSE_BASE_URL } from '../generated/base-url';

export type { OverrideReply } from '@eduvkit/core/msw';

export { DEFAULT_COURSE_BASE_URL };

export type CourseHandlersOptions = ApiHandlersOptions<CourseDataSource, CourseBronOptions>;

const msw = defineApiMsw<typeof courseApi, CourseDataSource, CourseBronOptions>({
  registry: courseApi,
  defaultBaseUrl: DEFAULT_COURSE_BASE_URL,
  createBron: (source, options) => createCourseBron(source, options),
  seededSource: (seed) => createInMemoryCourseSource(createCourseRecords({ seed })),
});

/** MSW handlers that answer exactly like the eduvkit mock server's Course API. */
export function courseHandlers(options: CourseHandlersOptions = {}): HttpHandler[] {
  return msw.handlers(options);
}

/** A one-operation override for `server.use(...)`: answer with this status, body and headers. */
export const courseOverride = msw.override;
