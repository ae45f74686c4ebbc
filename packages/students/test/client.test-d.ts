import { createApiClient, type EduvResponse } from '@eduvkit/core';
import { describe, expectTypeOf, it } from 'vitest';
import { createStudentsClient, createStudentsMethods, StudentsStatus, studentsRefusal, type Student } from '../src';
import { studentsApi } from '../src/generated/registry';

const client = createApiClient(studentsApi, { baseUrl: 'https://bron.example/students-api/v1' });
const school = { organisationMasterIdentifier: '104A158' };

describe('Students call() is typed from its spec', () => {
  it('answers each operation with the type of its success response', () => {
    expectTypeOf(client.call('listStudentsForSchool', { query: { orgMasterId: '104A158' } })).resolves.toEqualTypeOf<EduvResponse<Student[]>>();
    expectTypeOf(client.call('findStudent', { body: { school, student: { userMasterIdentifier: 'x' } } })).resolves.toEqualTypeOf<EduvResponse<Student>>();
  });

  it('refuses a query key, path parameter or body field the spec does not have', () => {
    // @ts-expect-error: the filter is schoolPeriodId
    client.call('listStudentsForSchool', { query: { orgMasterId: '104A158', schoolYear: '2025-2026' } });
    // @ts-expect-error: orgIdType is one of the identifier kinds
    client.call('listStudentsForSchool', { query: { orgId: '09QQ00', orgIdType: 'BRIN' } });
    // @ts-expect-error: listStudentsForSchool has no path parameters
    client.call('listStudentsForSchool', { path: { id: 's1' } });
    // @ts-expect-error: the body names a student, not a person
    client.call('findStudent', { body: { school, person: { userMasterIdentifier: 'x' } } });
    // @ts-expect-error: findStudent needs its body
    client.call('findStudent');
  });

  it('refuses a wrong use of the response', async () => {
    const { data } = await client.call('findStudent', { body: { school, student: { userMasterIdentifier: 'x' } } });
    expectTypeOf(data.dateOfBirth).toEqualTypeOf<string | undefined>();
    expectTypeOf(data).not.toHaveProperty('studentNumber');
    const list = await client.call('listStudentsForSchool', { query: { orgMasterId: '104A158' } });
    expectTypeOf(list.data).not.toHaveProperty('familyName');
    expectTypeOf(list.data).items.toHaveProperty('familyName');
  });

  it('keeps the facade signatures', () => {
    const facade = createStudentsClient({ baseUrl: 'https://bron.example/students-api/v1' });
    expectTypeOf(facade.listForSchool({ orgMasterId: '104A158' })).resolves.toEqualTypeOf<EduvResponse<Student[]>>();
    expectTypeOf(facade.find).returns.resolves.toEqualTypeOf<EduvResponse<Student>>();
  });
});

describe('generated Students methods', () => {
  const methods = createStudentsMethods({ baseUrl: 'https://bron.example/students-api/v1' });

  it('are typed from the registry', () => {
    expectTypeOf(methods.find({ school, student: { userMasterIdentifier: 'x' } })).resolves.toEqualTypeOf<EduvResponse<Student>>();
    expectTypeOf(methods.listForSchool({ orgMasterId: '104A158' })).resolves.toEqualTypeOf<EduvResponse<Student[]>>();
  });

  it('refuse a wrong argument', () => {
    // @ts-expect-error: the body names a student, not a person
    void methods.find({ school, person: { userMasterIdentifier: 'x' } });
    // @ts-expect-error: the filter is schoolPeriodId
    void methods.listForSchool({ orgMasterId: '104A158', schoolYear: '2025-2026' });
    // @ts-expect-error: findStudent needs its body
    void methods.find();
  });

  it('refuse a business code the operation does not list', () => {
    // @ts-expect-error: findStudent lists 2001 and 2002, not 2008
    studentsRefusal('findStudent', StudentsStatus.SchoolPeriodUnknown, 'x');
    expectTypeOf(studentsRefusal('findStudent', StudentsStatus.StudentUnknown, 'x').httpStatus).toEqualTypeOf<number>();
  });
});
