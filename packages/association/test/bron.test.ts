import { describe, expect, it } from 'vitest';
import { AssociationStatus, createAssociationBron, createInMemoryAssociationSource, type InMemoryAssociationRecords } from '../src/index';
import { createAssociationWorld } from '../src/fixtures/index';

// The bron over plain Fetch API Requests, as a supplier would mount it in any framework.
const world = createAssociationWorld({ seed: 11 });
const bron = createAssociationBron(createInMemoryAssociationSource(world.schools, world.records), { dangerouslyAcceptAnyToken: true });
const po = world.schools[0]!;
const records = world.records.get(po.orgMasterId)!;

const BASE = 'http://bron.test/association-api/v1';
const TOKEN = { authorization: 'Bearer t' };

async function call(path: string, init: RequestInit & { json?: unknown } = {}) {
  const { json, ...rest } = init;
  const request = new Request(`${BASE}${path}`, {
    ...rest,
    headers: { ...TOKEN, ...(json === undefined ? {} : { 'content-type': 'application/json' }), ...(rest.headers as Record<string, string> | undefined) },
    ...(json === undefined ? {} : { method: 'POST', body: JSON.stringify(json) }),
  });
  const response = (await bron.handle(request))!;
  return { response, body: (await response.json()) as unknown };
}

const school = `orgMasterId=${po.orgMasterId}`;

describe('createAssociationBron over raw requests', () => {
  it('answers every list with a bare array and API-Version', async () => {
    for (const [path, expected] of [
      ['/schoolperiods/school', records.schoolPeriods],
      ['/enrollments/school', records.enrollments],
      ['/assignments/school', records.assignments],
      ['/groups/school', records.groups],
    ] as const) {
      const { response, body } = await call(`${path}?${school}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('api-version')).toBe('1.1.0');
      expect(body).toEqual(expected);
    }
  });

  it('refuses a request without a bearer token with 401', async () => {
    const { response, body } = await call(`/groups/school?${school}`, { headers: { authorization: '' } });
    expect(response.status).toBe(401);
    expect(body).toMatchObject({ status: 99, statusMessage: expect.stringContaining('bearer') });
  });

  it('refuses a bad enum filter value with 400 / 0011 naming the parameter', async () => {
    for (const [path, parameter] of [
      ['/enrollments/school', 'enrollmentType'],
      ['/assignments/school', 'assignmentType'],
      ['/groups/school', 'groupType'],
    ] as const) {
      const { response, body } = await call(`${path}?${school}&${parameter}=nope`);
      expect(response.status).toBe(400);
      expect(body).toMatchObject({ status: 11, statusMessage: expect.stringContaining(parameter) });
    }
    const { response, body } = await call(`/enrollments/school/student?enrollmentType=klas`, {
      json: { school: { organisationMasterIdentifier: po.orgMasterId }, student: { userMasterIdentifier: 'x' } },
    });
    expect(response.status).toBe(400);
    expect(body).toMatchObject({ status: 11, statusMessage: expect.stringContaining('enrollmentType') });
  });

  it('refuses a search body without employee with 400 / 0011', async () => {
    const { response, body } = await call('/assignments/school/employee', { json: { school: { organisationMasterIdentifier: po.orgMasterId } } });
    expect(response.status).toBe(400);
    expect(body).toMatchObject({ status: 11, statusMessage: expect.stringContaining('employee') });
  });

  it('answers an unknown school with 400 / 2001, in the query and in a search body', async () => {
    expect((await call('/groups/school?orgMasterId=999Z999')).body).toMatchObject({ status: 2001 });
    const { response, body } = await call('/assignments/school/employee', {
      json: { school: { organisationMasterIdentifier: '999Z999' }, employee: { userIds: [{ userId: 'x', userIdType: 'ASI' }] } },
    });
    expect(response.status).toBe(400);
    expect(body).toMatchObject({ status: 2001, statusMessage: expect.stringContaining('School unknown') });
  });

  it('answers unknown ids and people with 404 and the business code', async () => {
    const cases = [
      [`/schoolperiods/school/1999-2000?${school}`, AssociationStatus.SchoolPeriodUnknown],
      [`/enrollments/school/unknown?${school}`, AssociationStatus.EnrollmentUnknown],
      [`/assignments/school/unknown?${school}`, AssociationStatus.AssignmentUnknown],
      [`/groups/school/unknown?${school}`, AssociationStatus.GroupUnknown],
    ] as const;
    for (const [path, status] of cases) {
      const { response, body } = await call(path);
      expect(response.status, path).toBe(404);
      expect(body).toMatchObject({ status });
    }
    expect([2008, 2007, 2007, 2006]).toEqual(cases.map(([, status]) => status));

    const student = await call('/enrollments/school/student', {
      json: { school: { organisationMasterIdentifier: po.orgMasterId }, student: { userMasterIdentifier: 'https://ketenid.nl/201703/nobody' } },
    });
    expect(student.response.status).toBe(404);
    expect(student.body).toMatchObject({ status: 2002 });
    const employee = await call('/assignments/school/employee', {
      json: { school: { organisationMasterIdentifier: po.orgMasterId }, employee: { userIds: [{ userId: 'nobody', userIdType: 'ASI' }] } },
    });
    expect(employee.response.status).toBe(404);
    expect(employee.body).toMatchObject({ status: 2004 });
  });

  it('answers unknown filter values with 400 and 2008 / 2003 / 2005', async () => {
    for (const [query, status] of [
      ['schoolPeriodId=1999-2000', 2008],
      ['studyOfferingId=nope', 2003],
      ['subjectOfferingId=nope', 2005],
    ] as const) {
      const { response, body } = await call(`/groups/school?${school}&${query}`);
      expect(response.status).toBe(400);
      expect(body).toMatchObject({ status });
    }
  });

  it('finds by id; a GET on the search path is an enrollment id lookup', async () => {
    const group = records.groups[0]!;
    expect((await call(`/groups/school/${group.groupId}?${school}`)).body).toEqual(group);
    const period = await call(`/schoolperiods/school/2025-2026?${school}`);
    expect(period.body).toMatchObject({ schoolPeriodId: '2025-2026' });
    const { response } = await call(`/enrollments/school/student?${school}`);
    expect(response.status).toBe(404);
  });
});

describe('createInMemoryAssociationSource without facts', () => {
  it('knows people by the references in the objects only', async () => {
    const bare: InMemoryAssociationRecords = {
      schoolPeriods: records.schoolPeriods,
      enrollments: records.enrollments,
      groups: records.groups,
      assignments: records.assignments,
    };
    const plain = createAssociationBron(createInMemoryAssociationSource([po], new Map([[po.orgMasterId, bare]])), { dangerouslyAcceptAnyToken: true });
    const ask = async (path: string, json?: unknown) => {
      const response = (await plain.handle(
        new Request(
          `${BASE}${path}`,
          json === undefined ? { headers: TOKEN } : { method: 'POST', headers: { ...TOKEN, 'content-type': 'application/json' }, body: JSON.stringify(json) },
        ),
      ))!;
      return { status: response.status, body: (await response.json()) as unknown[] };
    };
    const enrollment = records.enrollments[0]!;
    const found = await ask('/enrollments/school/student', { school: { organisationMasterIdentifier: po.orgMasterId }, student: enrollment.student });
    expect(found.status).toBe(200);
    expect(found.body).toEqual(records.enrollments.filter((item) => JSON.stringify(item.student) === JSON.stringify(enrollment.student)));
    // No unit facts: a unit-limited answer holds no groups.
    const vid = po.ids.find((id) => id.type === 'V_ID')!;
    const limited = await ask(`/groups/school?orgId=${vid.id}&orgIdType=V_ID`);
    expect(limited).toEqual({ status: 200, body: [] });
    const whole = await ask(`/groups/school?${school}`);
    expect(whole.body).toEqual(records.groups);
  });
});
