import { EduvApiError, EduvStatus, type SchoolSelection, type TokenProvider } from '@eduvkit/core';
import { createStudentsClient, type Student } from '@eduvkit/students';

export interface ClassListOptions {
  /** Students API base URL, e.g. http://127.0.0.1:4010/students-api/v1 */
  baseUrl: string;
  tokenProvider: TokenProvider;
}

const displayName = (student: Student): string =>
  [student.preferredFirstName ?? student.givenName, student.familyNamePrefix, student.familyName].filter(Boolean).join(' ');

const clientFor = (options: ClassListOptions) => createStudentsClient({ baseUrl: options.baseUrl, tokenProvider: options.tokenProvider, validation: 'strict' });

/**
 * What an afnemer typically builds: the students of a school, by name, with strict validation so
 * a bron that breaks the spec is caught at the door. `eckIds` are their ECK iDs, for look-ups.
 */
export async function studentNames(school: SchoolSelection, options: ClassListOptions): Promise<{ apiVersion?: string; names: string[]; eckIds: string[] }> {
  try {
    const { data, apiVersion } = await clientFor(options).listForSchool(school);
    const eckIds = data.flatMap((student) => (student.userMasterIdentifier ? [student.userMasterIdentifier] : []));
    return { apiVersion, names: data.map(displayName).sort((a, b) => a.localeCompare(b, 'nl')), eckIds };
  } catch (error) {
    // An administration bron answers 2001 School unknown; a bron that reads Edu-V's general code table, 0023.
    if (error instanceof EduvApiError && (error.eduvStatus === EduvStatus.SchoolUnknown || error.eduvStatus === EduvStatus.EduOrgIdUnknown))
      return { names: [], eckIds: [] };
    throw error;
  }
}

/** Looks students up one by one (`POST /students`), as an ordering environment checks the pupils of an order. */
export async function lookUpStudents(school: SchoolSelection, eckIds: readonly string[], options: ClassListOptions): Promise<string[]> {
  const client = clientFor(options);
  const names: string[] = [];
  // One at a time: a bron that rate-limits is not helped by a burst.
  for (const eckId of eckIds) names.push(displayName((await client.find(school, eckId)).data));
  return names;
}

/** Whether the school has activated this exchange for us: a 403 / 0022 says it has not, and asking again will not change that. */
export async function exchangeActivated(school: SchoolSelection, options: ClassListOptions): Promise<boolean> {
  try {
    await clientFor(options).listForSchool(school);
    return true;
  } catch (error) {
    if (error instanceof EduvApiError && error.eduvStatus === EduvStatus.ConsentRequired) return false;
    throw error;
  }
}
