import type { Course, CourseStructure } from '../generated/models';
import type { CourseDataSource } from './data-source';

/** A course with its cmi5 structure, as the in-memory source holds it. */
export interface CourseRecord {
  readonly course: Course;
  readonly structure: CourseStructure;
}

/** A Course data source over records held in memory (the mock server's world, MSW tests); treated as immutable. */
export function createInMemoryCourseSource(records: readonly CourseRecord[]): CourseDataSource {
  const sorted = [...records].sort((a, b) => (a.course.courseId < b.course.courseId ? -1 : a.course.courseId > b.course.courseId ? 1 : 0));
  const courses = sorted.map((record) => record.course);
  const byId = new Map(sorted.map((record) => [record.course.courseId, record]));
  return {
    listCourses: () => courses,
    findCourse: (courseId) => byId.get(courseId)?.course,
    findCourseStructure: (courseId) => byId.get(courseId)?.structure,
  };
}
