import { createApiClient, type EduvResponse } from '@eduvkit/core';
import { describe, expectTypeOf, it } from 'vitest';
import { createAssociationClient, type Enrollment, type Group } from '../src';
import { associationApi } from '../src/generated/registry';

const client = createApiClient(associationApi, { baseUrl: 'https://bron.example/association-api/v1' });
const school = { organisationMasterIdentifier: '104A158' };
const student = { userMasterIdentifier: 'https://ketenid.nl/201703/abc' };

describe('Association call() is typed from its spec', () => {
  it('answers each operation with the type of its success response', () => {
    expectTypeOf(client.call('listEnrollmentsForSchool', { query: { orgMasterId: '104A158' } })).resolves.toEqualTypeOf<EduvResponse<Enrollment[]>>();
    expectTypeOf(client.call('getGroup', { path: { id: 'g1' }, query: { orgMasterId: '104A158' } })).resolves.toEqualTypeOf<EduvResponse<Group>>();
  });

  it('refuses a query key, path parameter or body field the spec does not have', () => {
    // @ts-expect-error: the filter is enrollmentType, not type
    client.call('listEnrollmentsForSchool', { query: { orgMasterId: '104A158', type: 'study' } });
    // @ts-expect-error: enrollmentType is study or subject
    client.call('listEnrollmentsForSchool', { query: { orgMasterId: '104A158', enrollmentType: 'course' } });
    // @ts-expect-error: the path parameter is id
    client.call('getGroup', { path: { groupId: 'g1' } });
    // @ts-expect-error: getGroup needs its path parameter
    client.call('getGroup', { query: { orgMasterId: '104A158' } });
    // @ts-expect-error: the body names a student, not an employee
    client.call('findEnrollmentsForStudent', { body: { school, employee: student } });
    // @ts-expect-error: the body is required
    client.call('findEnrollmentsForStudent', { query: { enrollmentType: 'study' } });
    client.call('findEnrollmentsForStudent', { body: { school, student }, query: { enrollmentType: 'study' } });
  });

  it('refuses a wrong use of the response', async () => {
    const { data } = await client.call('getGroup', { path: { id: 'g1' } });
    expectTypeOf(data).not.toHaveProperty('enrollmentType');
    const list = await client.call('listGroupsForSchool', { query: { orgMasterId: '104A158' } });
    expectTypeOf(list.data).not.toHaveProperty('groupId');
    expectTypeOf(list.data).items.toHaveProperty('groupId');
  });

  it('keeps the facade signatures', () => {
    const facade = createAssociationClient({ baseUrl: 'https://bron.example/association-api/v1' });
    expectTypeOf(facade.listEnrollments({ orgMasterId: '104A158' }, { enrollmentType: 'study' })).resolves.toEqualTypeOf<EduvResponse<Enrollment[]>>();
    expectTypeOf(facade.getGroup).returns.resolves.toEqualTypeOf<EduvResponse<Group>>();
  });
});
