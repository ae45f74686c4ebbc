import { EduvApiError, HttpStatus, type SchoolSelection } from '@eduvkit/core';
import type { StudentsClient } from '@eduvkit/students';

export interface Account {
  eckId: string;
  displayName: string;
}

export type ProvisioningResult = { kind: 'provisioned'; accounts: Account[]; skippedWithoutEckId: number } | { kind: 'waiting-for-consent' };

/**
 * An afnemer's job: create an account per student with an ECK iD. A school that has not activated
 * the exchange yet is a normal state, not a failure.
 */
export async function provisionAccounts(client: StudentsClient, school: SchoolSelection): Promise<ProvisioningResult> {
  try {
    const { data } = await client.listForSchool(school);
    const accounts = data
      .filter((student) => student.userMasterIdentifier)
      .map((student) => ({
        eckId: student.userMasterIdentifier!,
        displayName: [student.preferredFirstName ?? student.givenName, student.familyNamePrefix, student.familyName].filter(Boolean).join(' '),
      }));
    return { kind: 'provisioned', accounts, skippedWithoutEckId: data.length - accounts.length };
  } catch (error) {
    if (error instanceof EduvApiError && error.httpStatus === HttpStatus.Forbidden) return { kind: 'waiting-for-consent' };
    throw error;
  }
}
