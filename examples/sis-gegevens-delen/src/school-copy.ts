import type { TokenProvider } from '@eduvkit/core';
import { createStudentsClient, studentsApi, type Student } from '@eduvkit/students';

/** The afnemer's own copy of one school's students, keyed by ECK iD. */
export interface SchoolCopy {
  readonly orgMasterId: string;
  readonly students: Map<string, Student>;
}

const keyOf = (student: Student): string => student.userMasterIdentifier ?? student.userIds?.[0]?.userId ?? '';

export const studentsClientFor = (bronUrl: string, tokenProvider: TokenProvider) =>
  createStudentsClient({ baseUrl: `${bronUrl}${studentsApi.basePath}`, tokenProvider, validation: 'strict' });

/** The first sync: read every student of the school (`GET /students/school`). */
export async function syncSchool(orgMasterId: string, bronUrl: string, tokenProvider: TokenProvider): Promise<SchoolCopy> {
  const copy: SchoolCopy = { orgMasterId, students: new Map() };
  await refreshSchool(copy, bronUrl, tokenProvider);
  return copy;
}

/** Reads the school again (after a `bulk` notification) and replaces the copy. */
export async function refreshSchool(copy: SchoolCopy, bronUrl: string, tokenProvider: TokenProvider): Promise<void> {
  const { data } = await studentsClientFor(bronUrl, tokenProvider).listForSchool({ orgMasterId: copy.orgMasterId });
  copy.students.clear();
  for (const student of data) copy.students.set(keyOf(student), student);
}
