import { staticToken } from '@eduvkit/core';
import { describe, expect, it } from 'vitest';
import { createStudentsClient } from '../src/index';

const ECK_ID = `https://ketenid.nl/201703/${'a1'.repeat(64)}`;

describe('strict validation of real Students data', () => {
  it('accepts the ECK iD repeated among the secondary userIds', async () => {
    const student = {
      userMasterIdentifier: ECK_ID,
      userIds: [
        { userId: ECK_ID, userIdType: 'eckId' },
        { userId: '95312@1.school.example.nl', userIdType: 'NEPPI' },
      ],
      givenName: 'Sem',
      familyName: 'Bakker',
    };
    const client = createStudentsClient({
      baseUrl: 'http://bron.test/students-api/v1',
      tokenProvider: staticToken('t'),
      validation: 'strict',
      fetch: async () => new Response(JSON.stringify([student]), { status: 200, headers: { 'content-type': 'application/json', 'api-version': '1.1.0' } }),
    });
    expect((await client.listForSchool({ orgMasterId: '104A158' })).data).toEqual([student]);
  });
});
