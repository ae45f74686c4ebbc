import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CourseSchema, CourseStructureSchema, assignableUnits, unknownObjectiveIds } from '../src/index';
import { createCourseRecords } from '../src/fixtures/index';

describe('Course fixtures', () => {
  it('build, for any seed, courses and structures the schemas accept, whose AUs refer to existing objectives', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        for (const { course, structure } of createCourseRecords({ seed, productCount: 40 })) {
          expect(CourseSchema.safeParse(course).error).toBeUndefined();
          expect(CourseStructureSchema.safeParse(structure).error).toBeUndefined();
          expect(structure.course.id).toBe(course.courseId);
          expect(unknownObjectiveIds(structure)).toEqual([]);
          const ids = assignableUnits(structure).map((unit) => unit.id);
          expect(new Set(ids).size).toBe(ids.length);
        }
      }),
      { numRuns: 20 },
    );
  });

  it('are the same for the same seed', () => {
    expect(createCourseRecords({ seed: 2 })).toEqual(createCourseRecords({ seed: 2 }));
    expect(createCourseRecords({ seed: 2 }).length).toBeGreaterThan(50);
  });
});
