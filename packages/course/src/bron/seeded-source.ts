import { createCourseRecords } from '../fixtures/courses';
import type { CourseDataSource } from './data-source';
import { createInMemoryCourseSource } from './in-memory-source';

/** The seeded courses in memory: what the MSW handlers serve when a test passes no source. */
export function createSeededCourseSource(seed: number): CourseDataSource {
  return createInMemoryCourseSource(createCourseRecords({ seed }));
}
