import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AssessmentScoresAndResultsSchema } from '../src/index';
import { createResultsDelivery, createStudentsWorld, studentsOfClass } from '../src/fixtures/index';

describe('Results fixtures', () => {
  it('give, for any seed, deliveries valid against the spec, one item per student of the class', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 0, max: 5 }), (seed, index) => {
        const world = createStudentsWorld({ seed, po: 1, vo: 1, studentsPerPo: 30, studentsPerVo: 40 });
        for (const school of world.schools) {
          const students = world.students.get(school.orgMasterId)!;
          const klas = studentsOfClass(students, students[0]!.enrollments.at(-1)!.studyOfferingId);
          const delivery = createResultsDelivery({ seed, school, students: klas, index });
          expect(AssessmentScoresAndResultsSchema.safeParse(delivery).success).toBe(true);
          expect(delivery.studentScoresAndResults).toHaveLength(klas.length);
          expect(delivery.school.organisationMasterIdentifier).toBe(school.orgMasterId);
        }
      }),
      { numRuns: 25 },
    );
  });

  it('are the same for the same seed and differ per index', () => {
    const world = createStudentsWorld({ seed: 9 });
    const school = world.schools[0]!;
    const students = world.students.get(school.orgMasterId)!.slice(0, 5);
    expect(createResultsDelivery({ seed: 9, school, students })).toEqual(createResultsDelivery({ seed: 9, school, students }));
    expect(createResultsDelivery({ seed: 9, school, students, index: 1 }).assessmentDefinition.id).not.toBe(
      createResultsDelivery({ seed: 9, school, students }).assessmentDefinition.id,
    );
  });
});
