import type { CallerContext } from '@eduvkit/core/server';
import { describe, expect, it } from 'vitest';
import { createEmployeesWorld } from '../src/fixtures/index';
import { createEmployeesBron, createInMemoryEmployeesSource, type Employee } from '../src/index';

const world = createEmployeesWorld({ seed: 11 });
const source = createInMemoryEmployeesSource(world.schools, world.employees);
const school = world.schools[0]!;
const records = world.employees.get(school.orgMasterId)!;
const BASE = 'http://bron.test/employees-api/v1';

const withScopes = (...scopes: string[]) => createEmployeesBron(source, { authenticate: (): CallerContext => ({ clientId: 'c', scopes: new Set(scopes) }) });

async function call(bron: ReturnType<typeof createEmployeesBron>, path: string, init: RequestInit = {}) {
  const response = await bron.handle(new Request(`${BASE}${path}`, { ...init, headers: { authorization: 'Bearer t', ...init.headers } }));
  expect(response).toBeDefined();
  return { response: response!, body: (await response!.json()) as unknown };
}

const search = (employee: unknown, schoolReference: unknown = { organisationMasterIdentifier: school.orgMasterId }): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ school: schoolReference, employee }),
});

describe('createEmployeesBron over Fetch Requests', () => {
  it('refuses a request without a bearer token with 401', async () => {
    const bron = createEmployeesBron(source, { dangerouslyAcceptAnyToken: true });
    const response = (await bron.handle(new Request(`${BASE}/employees/school?orgMasterId=${school.orgMasterId}`)))!;
    expect(response.status).toBe(401);
    expect(response.headers.get('api-version')).toBe('1.1.0');
    expect(await response.json()).toMatchObject({ status: 99, statusMessage: expect.stringContaining('bearer') });
  });

  it('refuses a bad orgIdType with 400 / 0011 naming the parameter', async () => {
    const { response, body } = await call(createEmployeesBron(source, { dangerouslyAcceptAnyToken: true }), '/employees/school?orgId=x&orgIdType=BRIN');
    expect(response.status).toBe(400);
    expect(body).toMatchObject({ status: 11, statusMessage: expect.stringContaining('orgIdType') });
  });

  it('refuses an unknown school with 400 / 2001 and an unknown school period with 400 / 2008', async () => {
    const bron = createEmployeesBron(source, { dangerouslyAcceptAnyToken: true });
    expect(await call(bron, '/employees/school?orgMasterId=999Z999')).toMatchObject({ response: { status: 400 }, body: { status: 2001 } });
    const { response, body } = await call(bron, `/employees/school?orgMasterId=${school.orgMasterId}&schoolPeriodId=1999-2000`);
    expect(response.status).toBe(400);
    expect(body).toMatchObject({ status: 2008, statusMessage: expect.stringContaining('1999-2000') });
  });

  it('needs eduv.employee.basic to call at all (401 / 0021)', async () => {
    const { response, body } = await call(withScopes('eduv.employee.communication'), `/employees/school?orgMasterId=${school.orgMasterId}`);
    expect(response.status).toBe(401);
    expect(body).toMatchObject({ status: 21, statusMessage: expect.stringContaining('eduv.employee.basic') });
  });

  it('releases email, phone and mobile only with eduv.employee.communication, roles only with eduv.employee.roles', async () => {
    const path = `/employees/school?orgMasterId=${school.orgMasterId}`;
    const basic = (await call(withScopes('eduv.employee.basic', 'eduv.employee.roles'), path)).body as Employee[];
    expect(basic).toHaveLength(records.length);
    for (const employee of basic) {
      expect(employee).not.toHaveProperty('email');
      expect(employee).not.toHaveProperty('phone');
      expect(employee).not.toHaveProperty('mobile');
      expect(employee.organisationRoles).toBeDefined();
      expect(employee.userIds.length).toBeGreaterThan(0);
    }
    // Only those attributes go: what is left equals the fixture without them.
    expect(basic).toEqual(records.map(({ employee: { email: _email, phone: _phone, mobile: _mobile, ...rest } }) => rest));

    const communication = (await call(withScopes('eduv.employee.basic', 'eduv.employee.communication'), path)).body as Employee[];
    expect(communication.every((employee) => employee.email !== undefined && employee.organisationRoles === undefined)).toBe(true);
    expect(communication.some((employee) => employee.phone !== undefined)).toBe(true);

    const all = (await call(withScopes('eduv.employee.basic', 'eduv.employee.communication', 'eduv.employee.roles'), path)).body;
    expect(all).toEqual(records.map((record) => record.employee));
  });

  it('applies the attribute scopes to the search too', async () => {
    const { response, body } = await call(withScopes('eduv.employee.basic'), '/employees', search({ userIds: [records[2]!.employee.userIds[0]] }));
    expect(response.status).toBe(200);
    const { email: _email, phone: _phone, mobile: _mobile, organisationRoles: _roles, ...rest } = records[2]!.employee;
    expect(body).toEqual(rest);
  });

  it('answers the search: found 200, unknown 404 / 2004, no userIds 400 / 0011', async () => {
    const bron = createEmployeesBron(source, { dangerouslyAcceptAnyToken: true });
    const employee = records[1]!.employee;
    const found = await call(
      bron,
      '/employees',
      search({ userIds: employee.userIds }, { organisationIds: [{ organisationId: school.brin, organisationIdType: 'OIE_CODE' }] }),
    );
    expect(found.response.status).toBe(200);
    expect(found.body).toEqual(employee);

    const unknown = await call(bron, '/employees', search({ userIds: [{ userId: 'niemand@example.nl', userIdType: 'NEPRI' }] }));
    expect(unknown.response.status).toBe(404);
    expect(unknown.body).toMatchObject({ status: 2004 });

    const noIds = await call(bron, '/employees', search({ userMasterIdentifier: 'x' }));
    expect(noIds.response.status).toBe(400);
    expect(noIds.body).toMatchObject({ status: 11, statusMessage: expect.stringContaining('userIds') });
  });

  it('leaves paths outside its base path alone and answers a wrong method with 405', async () => {
    const bron = createEmployeesBron(source, { dangerouslyAcceptAnyToken: true });
    expect(await bron.handle(new Request('http://bron.test/students-api/v1/students/school'))).toBeUndefined();
    const { response } = await call(bron, '/employees', { method: 'GET' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });
});
