import { EduvApiError, EduvStatus, type SchoolSelection, type TokenProvider } from '@eduvkit/core';
import { createStudentsClient, type Student } from '@eduvkit/students';

export interface ClassListOptions {
  /** Students API base URL, e.g. http://127.0.0.1:4010/students-api/v1 */
  baseUrl: string;
  tokenProvider: TokenProvider;
}

const displayName = (student: Student): string =>
  [student.preferredFirstName ?? student.givenName, student.familyNamePrefix, student.familyName].filter(Boolean).join(' ');

/**
 * What an afnemer typically builds: the students of a school, by name, with strict validation so
 * a bron that breaks the spec is caught at the door.
 */
export async function studentNames(school: SchoolSelection, options: ClassListOptions): Promise<{ apiVersion?: string; names: string[] }> {
  const client = createStudentsClient({ baseUrl: options.baseUrl, tokenProvider: options.tokenProvider, validation: 'strict' });
  try {
    const { data, apiVersion } = await client.listForSchool(school);
    return { apiVersion, names: data.map(displayName).sort((a, b) => a.localeCompare(b, 'nl')) };
  } catch (error) {
    // An administration bron answers 2001 School unknown; a bron that reads Edu-V's general code table, 0023.
    if (error instanceof EduvApiError && (error.status === EduvStatus.SchoolUnknown || error.status === EduvStatus.EduOrgIdUnknown)) return { names: [] };
    throw error;
  }
}
