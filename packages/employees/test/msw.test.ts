import { EduvApiError, EduvValidationError, staticToken } from '@eduvkit/core';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEmployeesClient, EmployeesStatus } from '../src/index';
import { createEmployeesWorld } from '../src/fixtures/index';
import { DEFAULT_EMPLOYEES_BASE_URL, employeesHandlers, employeesOverride } from '../src/msw/index';

// A consumer's test: the supplier's code under test talks to "the bron", MSW answers.
const server = setupServer(...employeesHandlers({ seed: 5 }));
const world = createEmployeesWorld({ seed: 5 });
const school = world.schools[0]!;
const vo = world.schools.find((candidate) => candidate.sector === 'vo')!;
const records = world.employees.get(school.orgMasterId)!;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** What the client waited before each retry (the test does not really wait). */
const slept: number[] = [];
const client = createEmployeesClient({
  baseUrl: DEFAULT_EMPLOYEES_BASE_URL,
  tokenProvider: staticToken('test-token'),
  validation: 'strict',
  retry: { baseDelayMs: 1, maxDelayMs: 5, sleep: async (ms) => void slept.push(ms) },
});

describe('Employees MSW handlers', () => {
  it('serve the same seeded world the fixtures describe', async () => {
    const { data, apiVersion } = await client.listForSchool({ orgMasterId: school.orgMasterId });
    expect(apiVersion).toBe('1.1.0');
    expect(data).toEqual(records.map((record) => record.employee));
  });

  it('list only the employees of a school period', async () => {
    const voRecords = world.employees.get(vo.orgMasterId)!;
    const { data } = await client.listForSchool({ orgMasterId: vo.orgMasterId }, { schoolPeriodId: '2024-2025' });
    const expected = voRecords.filter((record) => record.schoolPeriodIds.includes('2024-2025'));
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(voRecords.length);
    expect(data).toEqual(expected.map((record) => record.employee));
  });

  it('list the employees of one vestiging when the school is named by a V_ID', async () => {
    const location = vo.locations[1]!;
    const { data } = await client.listForSchool({ orgId: location.vestigingId, orgIdType: 'V_ID', filterByOrgId: true });
    const expected = world.employees.get(vo.orgMasterId)!.filter((record) => record.unit === location.name);
    expect(data).toEqual(expected.map((record) => record.employee));
  });

  it('find one employee by any secondary identifier', async () => {
    const employee = records[3]!.employee;
    for (const id of employee.userIds) {
      const { data } = await client.find({ orgMasterId: school.orgMasterId }, { userIds: [id] });
      expect(data).toEqual(employee);
    }
    const unknownFirst = await client.find(
      { orgId: school.brin, orgIdType: 'OIE_CODE' },
      { userIds: [{ userId: 'nobody@example.nl', userIdType: 'NEPRI' }, employee.userIds.at(-1)!] },
    );
    expect(unknownFirst.data).toEqual(employee);
  });

  it('answer an unknown employee with 404 / 2004', async () => {
    const error = await client
      .find({ orgMasterId: school.orgMasterId }, { userIds: [{ userId: '00000000-0000-4000-8000-000000000000', userIdType: 'ASI' }] })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EduvApiError);
    expect(error).toMatchObject({ httpStatus: 404, eduvStatus: EmployeesStatus.EmployeeUnknown, eduvStatusCode: '2004' });
  });

  it('answer an unknown school period with 400 / 2008', async () => {
    const error = await client.listForSchool({ orgMasterId: school.orgMasterId }, { schoolPeriodId: '1999-2000' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EduvApiError);
    expect(error).toMatchObject({ httpStatus: 400, eduvStatus: 2008, eduvStatusCode: '2008' });
    expect((error as EduvApiError).statusMessage).toContain('1999-2000');
  });

  it('refuse a search without userIds with 400 / 0011', async () => {
    const response = await fetch(`${DEFAULT_EMPLOYEES_BASE_URL}/employees`, {
      method: 'POST',
      headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
      body: JSON.stringify({ school: { organisationMasterIdentifier: school.orgMasterId }, employee: {} }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ status: 11, statusMessage: expect.stringContaining('userIds') });
  });

  it('let a test make one call fail with 503 + Retry-After, which the client honours before retrying', async () => {
    slept.length = 0;
    server.use(employeesOverride('listEmployeesForSchool', { status: 503, headers: { 'Retry-After': '3' }, once: true }));
    const { data } = await client.listForSchool({ orgMasterId: school.orgMasterId });
    expect(data).toHaveLength(records.length);
    expect(slept).toEqual([3_000]);
  });

  it('let a test simulate a missing consent', async () => {
    server.use(employeesOverride('findEmployee', { status: 403 }));
    const error = await client.find({ orgMasterId: school.orgMasterId }, { userIds: records[0]!.employee.userIds }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EduvApiError);
    expect(error).toMatchObject({ httpStatus: 403, eduvStatus: 22, eduvStatusCode: '0022' });
  });

  it('let a test serve a malformed body, which strict validation reports field by field', async () => {
    server.use(
      employeesOverride('listEmployeesForSchool', {
        status: 200,
        body: [
          { givenName: 'Mark', familyName: 'Smit' },
          { familyName: 3, userIds: [] },
        ],
      }),
    );
    const error = await client.listForSchool({ orgMasterId: school.orgMasterId }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EduvValidationError);
    const paths = (error as EduvValidationError).issues.map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['$[0].userIds', '$[0].dateCreated', '$[1].familyName', '$[1].givenName', '$[1].userIds']));
  });
});
