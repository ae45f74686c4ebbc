import { createBron, type Bron, type BronOptions } from '@eduvkit/core/server';
import { courseApi } from '../generated/registry';
import type { CourseDataSource } from './data-source';
import { CourseStatus, courseRefusal } from '../generated/status';

export type CourseBronOptions = Omit<BronOptions, 'schools' | 'authorize'>;

const unknownCourse = (operationId: 'getCourse' | 'getCourseStructure'): never => {
  throw courseRefusal(operationId, CourseStatus.CourseUnknown, 'no course with that courseId in this catalogue');
};

/** A complete Course API bron over a data source: the mock server and the MSW handlers use this. No school, no consent. */
export function createCourseBron(source: CourseDataSource, options: CourseBronOptions = {}): Bron {
  return createBron(
    courseApi,
    {
      listCourses: () => source.listCourses(),
      getCourse: async ({ path }) => (await source.findCourse(path.id)) ?? unknownCourse('getCourse'),
      getCourseStructure: async ({ path }) => (await source.findCourseStructure(path.id)) ?? unknownCourse('getCourseStructure'),
    },
    options,
  );
}
