import { BronError, createBron, type Bron, type BronOptions } from '@eduvkit/core/server';
import { courseApi } from '../generated/registry';
import type { CourseDataSource } from './data-source';
import { CourseStatus } from './status';

export type CourseBronOptions = Omit<BronOptions, 'schools' | 'authorize'>;

const unknownCourse = (): never => {
  throw BronError.notFound(CourseStatus.CourseUnknown, 'Course unknown: no course with that courseId in this catalogue');
};

/** A complete Course API bron over a data source: the mock server and the MSW handlers use this. No school, no consent. */
export function createCourseBron(source: CourseDataSource, options: CourseBronOptions = {}): Bron {
  return createBron(
    courseApi,
    {
      listCourses: () => source.listCourses(),
      getCourse: async ({ path }) => (await source.findCourse(path.id)) ?? unknownCourse(),
      getCourseStructure: async ({ path }) => (await source.findCourseStructure(path.id)) ?? unknownCourse(),
    },
    options,
  );
}
