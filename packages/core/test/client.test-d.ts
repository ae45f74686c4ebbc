import { describe, expectTypeOf, it } from 'vitest';
import { createApiClient, type EduvResponse } from '../src/client';
import { defineApi } from '../src/registry';
import { typedApi } from './support/typed-api';

const client = createApiClient(typedApi, { baseUrl: 'https://bron.example/students-api/v1' });

describe('call() typed from the registry', () => {
  it('types the response data of the success status', () => {
    expectTypeOf(client.call('listStudents', { query: { orgMasterId: '104A158' } })).resolves.toEqualTypeOf<
      EduvResponse<{ studentId: string; familyName: string }[]>
    >();
    expectTypeOf(client.call('putStudent', { path: { id: 's1' }, body: { familyName: 'Jansen' } })).resolves.toEqualTypeOf<EduvResponse<undefined>>();
  });

  it('takes the query keys of the spec and requires the required ones', () => {
    client.call('listStudents', { query: { orgMasterId: '104A158', schoolPeriodId: '2025-2026' } });
    // @ts-expect-error: not a query parameter of listStudents
    client.call('listStudents', { query: { orgMasterId: '104A158', schoolYear: '2025-2026' } });
    // @ts-expect-error: orgMasterId is required
    client.call('listStudents', { query: {} });
    // @ts-expect-error: the query is required, so are the options
    client.call('listStudents');
    // @ts-expect-error: listStudents has no body
    client.call('listStudents', { query: { orgMasterId: '104A158' }, body: {} });
  });

  it('takes the path parameters and body of the spec', () => {
    client.call('putStudent', { path: { id: 's1' }, body: { familyName: 'Jansen', nickname: 'Jan' }, query: { dryRun: true } });
    // @ts-expect-error: the path parameter is id
    client.call('putStudent', { path: { studentId: 's1' }, body: { familyName: 'Jansen' } });
    // @ts-expect-error: givenName is not a property of the body
    client.call('putStudent', { path: { id: 's1' }, body: { familyName: 'Jansen', givenName: 'Jan' } });
    // @ts-expect-error: familyName is required in the body
    client.call('putStudent', { path: { id: 's1' }, body: {} });
    // @ts-expect-error: dryRun is a boolean
    client.call('putStudent', { path: { id: 's1' }, body: { familyName: 'Jansen' }, query: { dryRun: 'yes' } });
  });

  it('refuses an unknown operation and a wrong use of the response', async () => {
    // @ts-expect-error: no such operation
    client.call('deleteStudent');
    const { data } = await client.call('listStudents', { query: { orgMasterId: '104A158' } });
    expectTypeOf(data).not.toHaveProperty('familyName');
    expectTypeOf(data).items.not.toHaveProperty('givenName');
    expectTypeOf(data).items.toHaveProperty('familyName');
  });

  it('keeps a registry without types callable with any query, path and body', () => {
    const untyped = createApiClient(defineApi({ ...typedApi }), { baseUrl: 'https://bron.example/v1' });
    expectTypeOf(untyped.call('listStudents', { query: { anything: 1 }, body: { free: true } })).resolves.toEqualTypeOf<EduvResponse<unknown>>();
  });
});
