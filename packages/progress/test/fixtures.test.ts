import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SimpleProgressSchema } from '../src/index';
import { createProgressMessages, createStudentsWorld } from '../src/fixtures/index';

describe('Progress fixtures', () => {
  it('give, for any seed, messages valid against the spec, each unit at most once per student', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (seed) => {
        const world = createStudentsWorld({ seed, po: 1, vo: 0, studentsPerPo: 25 });
        const school = world.schools[0]!;
        const messages = createProgressMessages({
          seed,
          school,
          students: world.students.get(school.orgMasterId)!,
          courseId: 'c',
          assignableUnitIds: ['a', 'b', 'c', 'd'],
        });
        for (const message of messages) expect(SimpleProgressSchema.safeParse(message).success).toBe(true);
        const perStudentUnit = new Set(messages.map((message) => JSON.stringify([message.student, message.assignableUnitId])));
        expect(perStudentUnit.size).toBe(messages.length);
        expect(new Set(messages.map((message) => message.id)).size).toBe(messages.length);
      }),
      { numRuns: 25 },
    );
  });

  it('are the same for the same seed', () => {
    const world = createStudentsWorld({ seed: 2 });
    const school = world.schools[0]!;
    const options = { seed: 2, school, students: world.students.get(school.orgMasterId)!.slice(0, 10), courseId: 'c', assignableUnitIds: ['a', 'b'] };
    expect(createProgressMessages(options)).toEqual(createProgressMessages(options));
  });
});
