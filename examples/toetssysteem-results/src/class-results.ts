import type { TokenProvider } from '@eduvkit/core';
import { createResultsClient, type StudentScoresAndResults } from '@eduvkit/results';
import { createStudentsClient, type Student } from '@eduvkit/students';

export interface ClassResultsOptions {
  /** e.g. http://127.0.0.1:4010/students-api/v1: the school's student administration, for the class list. */
  studentsBaseUrl: string;
  /** e.g. http://127.0.0.1:4010/results-api/v2: the gradebook or dashboard that receives the results. */
  resultsBaseUrl: string;
  tokenProvider: TokenProvider;
}

export interface TestSitting {
  orgMasterId: string;
  /** The class: every student enrolled in this study offering in this school period ("2025-2026"). */
  studyOfferingId: string;
  schoolPeriodId: string;
  assessment: { id: string; name: string };
  takenAt: string;
  /** The grade on the 1.0–10.0 scale this test system gave the student (as text, one decimal). */
  gradeOf(student: Student): string;
}

const reference = (student: Student) => (student.userMasterIdentifier ? { userMasterIdentifier: student.userMasterIdentifier } : { userIds: student.userIds! });

/**
 * What a test system does after a teacher releases the marks: read the class from the Students API,
 * then deliver one Results message with an item per student. The score fields are this system's
 * own (Edu-V has not published them); the ontvanger passes them on as sent.
 */
export async function postClassResults(sitting: TestSitting, options: ClassResultsOptions): Promise<{ students: number; statusMessage?: string }> {
  const students = createStudentsClient({ baseUrl: options.studentsBaseUrl, tokenProvider: options.tokenProvider, validation: 'strict' });
  const results = createResultsClient({ baseUrl: options.resultsBaseUrl, tokenProvider: options.tokenProvider, validation: 'strict' });
  const { data: klas } = await students.listForSchool(
    { orgMasterId: sitting.orgMasterId },
    { studyOfferingId: sitting.studyOfferingId, schoolPeriodId: sitting.schoolPeriodId },
  );
  const items: StudentScoresAndResults[] = klas.map((student) => ({
    student: reference(student),
    results: [{ resultType: '1.0-10.0', result: sitting.gradeOf(student) }],
  }));
  const { data } = await results.send({
    school: { organisationMasterIdentifier: sitting.orgMasterId },
    assessmentDateTime: sitting.takenAt,
    assessmentDefinition: sitting.assessment,
    studentScoresAndResults: items,
  });
  return { students: items.length, ...(data.statusMessage ? { statusMessage: data.statusMessage } : {}) };
}
