import { staticToken } from '@eduvkit/core';
import type { CallerContext } from '@eduvkit/core/server';
import { describe, expect, it } from 'vitest';
import { createEmployeesWorld } from '../src/fixtures/index';
import { createEmployeesBron, createEmployeesClient, createInMemoryEmployeesSource } from '../src/index';

/** An employee as a real administration system may send it: what the reference only assumes is left out. */
const sparseEmployee = {
  userMasterIdentifier: '',
  userIds: [{ userId: '86ea3207-3a56-4ced-b2cb-946dbe76f190', userIdType: 'ASI' }],
  givenName: 'Fatima',
  familyName: 'Jansen',
  organisationRoles: [{ name: 'docent' }],
  dateCreated: '2025-12-12T11:29:32Z',
};

const answering =
  (body: unknown): typeof fetch =>
  async () =>
    new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json', 'api-version': '1.1.0' } });

describe('strict validation of real Employees data', () => {
  it('accepts an empty userMasterIdentifier, no dateLastModified and a role item of another shape', async () => {
    const client = createEmployeesClient({
      baseUrl: 'http://bron.test/employees-api/v1',
      tokenProvider: staticToken('t'),
      validation: 'strict',
      fetch: answering([sparseEmployee]),
    });
    const { data } = await client.listForSchool({ orgMasterId: '104A158' });
    expect(data).toEqual([sparseEmployee]);
  });

  it('finds an employee whose reference carries an empty userMasterIdentifier, and refuses a reference with nothing else', async () => {
    const world = createEmployeesWorld({ seed: 3 });
    const school = world.schools[0]!;
    const known = world.employees.get(school.orgMasterId)![0]!.employee;
    const bron = createEmployeesBron(createInMemoryEmployeesSource(world.schools, world.employees), {
      authenticate: (): CallerContext => ({ clientId: 'c', scopes: 'all' }),
    });
    const search = (employee: unknown) =>
      bron.handle(
        new Request('http://bron.test/employees-api/v1/employees', {
          method: 'POST',
          headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
          body: JSON.stringify({ school: { organisationMasterIdentifier: school.orgMasterId }, employee }),
        }),
      );
    const found = (await search({ userMasterIdentifier: '', userIds: known.userIds }))!;
    expect(found.status).toBe(200);
    expect(((await found.json()) as { givenName: string }).givenName).toBe(known.givenName);
    const empty = (await search({ userMasterIdentifier: '' }))!;
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ status: 11, statusMessage: expect.stringContaining('userIds') });
  });
});
