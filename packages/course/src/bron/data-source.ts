import type { Course, CourseStructure } from '../generated/models';

/** What a bron needs to answer the Course API: implement it over your own course catalogue and `createCourseBron` does the protocol. */
export interface CourseDataSource {
  listCourses(): readonly Course[] | Promise<readonly Course[]>;
  findCourse(courseId: string): Course | undefined | Promise<Course | undefined>;
  findCourseStructure(courseId: string): CourseStructure | undefined | Promise<CourseStructure | undefined>;
}
