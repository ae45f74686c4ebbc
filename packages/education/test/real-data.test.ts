import { staticToken } from '@eduvkit/core';
import { describe, expect, it } from 'vitest';
import { createEducationClient } from '../src/index';

describe('strict validation of real Education data', () => {
  it('accepts a study offering without status, which the reference does not show for StudyOffering', async () => {
    const offering = {
      studyOfferingId: '012a85b1-e259-4a21-b7ce-fc2cf2019745',
      studyOfferingName: 'havo 4',
      dateCreated: '2025-12-12T11:29:32Z',
      dateLastModified: '2025-12-12T11:29:32Z',
    };
    const client = createEducationClient({
      baseUrl: 'http://bron.test/education-api/v1',
      tokenProvider: staticToken('t'),
      validation: 'strict',
      fetch: async () => new Response(JSON.stringify([offering]), { status: 200, headers: { 'content-type': 'application/json', 'api-version': '1.1.1' } }),
    });
    expect((await client.listStudyOfferings({ orgMasterId: '104A158' })).data).toEqual([offering]);
  });
});
