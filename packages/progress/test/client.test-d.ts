import { createApiClient, type EduvResponse } from '@eduvkit/core';
import { describe, expectTypeOf, it } from 'vitest';
import { createProgressClient } from '../src';
import { progressApi } from '../src/generated/registry';

const client = createApiClient(progressApi, { baseUrl: 'https://dashboard.example/progress-api/v0' });
const progress = {
  id: '7f1c2b8e-2f0c-4a55-9c1e-0d9f5b7f8a10',
  student: { userMasterIdentifier: 'x' },
  school: { organisationMasterIdentifier: '104A158' },
  assignableUnitId: 'au-1',
  status: 'completed' as const,
  timestamp: '2026-03-12T10:05:00Z',
};

describe('Progress call() is typed from its spec', () => {
  it('answers putSimpleProgress without a body', () => {
    expectTypeOf(client.call('putSimpleProgress', { body: progress })).resolves.toEqualTypeOf<EduvResponse<undefined>>();
  });

  it('refuses a status outside the enum, a missing field, a query or a missing body', () => {
    // @ts-expect-error: SimpleProgress has no status "done"
    client.call('putSimpleProgress', { body: { ...progress, status: 'done' } });
    // @ts-expect-error: pleaseFollowUp is a boolean
    client.call('putSimpleProgress', { body: { ...progress, pleaseFollowUp: 'yes' } });
    const { assignableUnitId: _unit, ...withoutUnit } = progress;
    // @ts-expect-error: the assignable unit is required
    client.call('putSimpleProgress', { body: withoutUnit });
    // @ts-expect-error: putSimpleProgress has no query parameters
    client.call('putSimpleProgress', { body: progress, query: { orgMasterId: '104A158' } });
    // @ts-expect-error: putSimpleProgress needs its body
    client.call('putSimpleProgress');
  });

  it('keeps the facade signature', () => {
    const facade = createProgressClient({ baseUrl: 'https://dashboard.example/progress-api/v0' });
    expectTypeOf(facade.send).returns.resolves.toEqualTypeOf<EduvResponse<undefined>>();
  });
});
