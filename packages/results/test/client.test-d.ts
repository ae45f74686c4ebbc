import { createApiClient, type EduvResponse } from '@eduvkit/core';
import { describe, expectTypeOf, it } from 'vitest';
import { createResultsClient, type StatusResponse } from '../src';
import { resultsApi } from '../src/generated/registry';

const client = createApiClient(resultsApi, { baseUrl: 'https://ontvanger.example/results-api/v2' });
const delivery = {
  school: { organisationMasterIdentifier: '104A158' },
  assessmentDateTime: '2026-03-12T09:30:00Z',
  assessmentDefinition: { id: 'toets-1', name: 'Toets rekenen' },
  studentScoresAndResults: [{ student: { userMasterIdentifier: 'x' } }],
};

describe('Results call() is typed from its spec', () => {
  it('answers postResults with a StatusResponse', () => {
    expectTypeOf(client.call('postResults', { body: delivery })).resolves.toEqualTypeOf<EduvResponse<StatusResponse>>();
  });

  it('refuses a body without what the spec requires, a query or a missing body', () => {
    client.call('postResults', {
      // @ts-expect-error: the assessment is required
      body: { school: delivery.school, assessmentDateTime: delivery.assessmentDateTime, studentScoresAndResults: delivery.studentScoresAndResults },
    });
    // @ts-expect-error: each item names its student
    client.call('postResults', { body: { ...delivery, studentScoresAndResults: [{ results: [] }] } });
    // @ts-expect-error: the assessment's index is an integer
    client.call('postResults', { body: { ...delivery, assessmentDefinition: { id: 'a', name: 'b', parts: [{ index: '1' }] } } });
    // @ts-expect-error: postResults has no query parameters
    client.call('postResults', { body: delivery, query: { orgMasterId: '104A158' } });
    // @ts-expect-error: postResults needs its body
    client.call('postResults');
  });

  it('lets unknown fields through, as the spec leaves them open', () => {
    client.call('postResults', { body: { ...delivery, scoreScale: { min: 1, max: 10 } } });
  });

  it('refuses a wrong use of the response', async () => {
    const { data } = await client.call('postResults', { body: delivery });
    expectTypeOf(data.status).toEqualTypeOf<number>();
    expectTypeOf(data).not.toHaveProperty('results');
  });

  it('keeps the facade signature', () => {
    const facade = createResultsClient({ baseUrl: 'https://ontvanger.example/results-api/v2' });
    expectTypeOf(facade.send).returns.resolves.toEqualTypeOf<EduvResponse<StatusResponse>>();
  });
});
