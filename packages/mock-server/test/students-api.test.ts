import { EduvApiError, staticToken } from '@eduvkit/core';
import { createStudentsClient, StudentSchema } from '@eduvkit/students';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../src/index';

let server: MockServer;
let client: ReturnType<typeof createStudentsClient>;

beforeAll(async () => {
  server = await startMockServer({ port: 0, seed: 7, auth: 'any-bearer', consent: 'all' });
  client = createStudentsClient({
    baseUrl: `${server.url}/students-api/v1`,
    tokenProvider: staticToken('any-token'),
    validation: 'strict',
    retry: false,
  });
});
afterAll(() => server.close());

const schoolOf = (sector: 'po' | 'vo') => server.world.schools.find((school) => school.sector === sector)!;
const recordsOf = (orgMasterId: string) => server.world.students.get(orgMasterId)!;

describe('Students API through the client, against the running mock', () => {
  it('lists every student of a po and a vo school, valid against the spec, with API-Version', async () => {
    for (const sector of ['po', 'vo'] as const) {
      const school = schoolOf(sector);
      const { data, apiVersion, httpStatus } = await client.listForSchool({ orgMasterId: school.orgMasterId });
      expect(httpStatus).toBe(200);
      expect(apiVersion).toBe('1.1.0');
      expect(data).toHaveLength(recordsOf(school.orgMasterId).length);
      expect(data.length).toBeGreaterThan(0);
      for (const student of data) expect(StudentSchema.safeParse(student).success).toBe(true);
    }
  });

  it('applies filterByOrgId defaults: po limits to the vestiging, vo returns the whole school', async () => {
    const po = schoolOf('po');
    const poUnitId = po.ids.find((id) => id.type === 'V_ID')!;
    const poUnit = poUnitId.unit ?? poUnitId.id;
    const { data: poStudents } = await client.listForSchool({ orgId: poUnitId.id, orgIdType: 'V_ID' });
    const expectedPo = recordsOf(po.orgMasterId).filter((record) => record.unit === poUnit);
    expect(poStudents.map((student) => student.givenName)).toEqual(expectedPo.map((record) => record.student.givenName));

    const vo = schoolOf('vo');
    const voUnitId = vo.ids.find((id) => id.type === 'V_ID')!;
    const voUnit = voUnitId.unit ?? voUnitId.id;
    const { data: everyone } = await client.listForSchool({ orgId: voUnitId.id, orgIdType: 'V_ID' });
    expect(everyone).toHaveLength(recordsOf(vo.orgMasterId).length);
    const { data: unitOnly } = await client.listForSchool({ orgId: voUnitId.id, orgIdType: 'V_ID', filterByOrgId: true });
    const expectedVo = recordsOf(vo.orgMasterId).filter((record) => record.unit === voUnit);
    expect(unitOnly).toHaveLength(expectedVo.length);
    expect(unitOnly.length).toBeLessThan(everyone.length);
  });

  it('filters on school period, study offering and subject offering', async () => {
    const vo = schoolOf('vo');
    const records = recordsOf(vo.orgMasterId);
    const enrollment = records[0]!.enrollments[0]!;
    const { data } = await client.listForSchool({ orgMasterId: vo.orgMasterId }, { studyOfferingId: enrollment.studyOfferingId });
    const expected = records.filter((record) => record.enrollments.some((item) => item.studyOfferingId === enrollment.studyOfferingId));
    expect(data).toHaveLength(expected.length);
    expect(data.length).toBeLessThan(records.length);
  });

  it('refuses unknown filter values with the business codes', async () => {
    const school = schoolOf('vo');
    const cases = [
      [{ schoolPeriodId: '1999-2000' }, 2008],
      [{ studyOfferingId: 'not-an-offering' }, 2003],
      [{ subjectOfferingId: 'not-a-subject' }, 2005],
    ] as const;
    for (const [filters, status] of cases) {
      const error = await client.listForSchool({ orgMasterId: school.orgMasterId }, filters).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(EduvApiError);
      expect(error).toMatchObject({ httpStatus: 400, eduvStatus: status });
    }
  });

  it('answers an unknown school with 400 / 2001 School unknown', async () => {
    const error = await client.listForSchool({ orgMasterId: '999Z999' }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ httpStatus: 400, eduvStatus: 2001, eduvStatusCode: '2001' });
  });

  it('finds one student by ECK iD and by a secondary id, and 404s an unknown one', async () => {
    const school = schoolOf('po');
    const record = recordsOf(school.orgMasterId).find((item) => item.student.userMasterIdentifier)!;
    const byEck = await client.find({ orgMasterId: school.orgMasterId }, record.student.userMasterIdentifier!);
    expect(byEck.data.familyName).toBe(record.student.familyName);
    const secondary = record.student.userIds![0]!;
    const bySecondary = await client.find({ orgMasterId: school.orgMasterId }, { userIds: [secondary] });
    expect(bySecondary.data.userMasterIdentifier).toBe(record.student.userMasterIdentifier);
    const missing = await client.find({ orgMasterId: school.orgMasterId }, `https://ketenid.nl/201703/${'0'.repeat(128)}`).catch((caught: unknown) => caught);
    expect(missing).toMatchObject({ httpStatus: 404, eduvStatus: 2002 });
  });
});

describe('Students API over raw HTTP, as curl would see it', () => {
  const get = (path: string, headers: Record<string, string> = { authorization: 'Bearer x' }) => fetch(`${server.url}${path}`, { headers });

  it('rejects a request without a bearer token with 401 and a StatusResponse', async () => {
    const response = await get(`/students-api/v1/students/school?orgMasterId=${schoolOf('po').orgMasterId}`, {});
    expect(response.status).toBe(401);
    expect(response.headers.get('api-version')).toBe('1.1.0');
    expect(await response.json()).toMatchObject({ status: 99, statusMessage: expect.stringContaining('bearer') });
  });

  it('answers a bad orgIdType with 400 / 0011 naming the parameter', async () => {
    const response = await get('/students-api/v1/students/school?orgId=09QQ&orgIdType=BRIN');
    expect(response.status).toBe(400);
    const body = (await response.json()) as { status: number; statusMessage: string };
    expect(body.status).toBe(11);
    expect(body.statusMessage).toContain('orgIdType');
  });

  it('names the missing school selection and the conflicting filterByOrgId', async () => {
    const none = (await (await get('/students-api/v1/students/school')).json()) as { statusMessage: string };
    expect(none.statusMessage).toContain('orgMasterId');
    const conflict = await get(`/students-api/v1/students/school?orgMasterId=${schoolOf('po').orgMasterId}&filterByOrgId=true`);
    expect(conflict.status).toBe(400);
    expect(((await conflict.json()) as { statusMessage: string }).statusMessage).toContain('filterByOrgId');
  });

  it('answers a search without school with 400 naming the field, and bad JSON with 400', async () => {
    const post = (body: string) =>
      fetch(`${server.url}/students-api/v1/students`, { method: 'POST', headers: { authorization: 'Bearer x', 'content-type': 'application/json' }, body });
    const missing = await post(JSON.stringify({ student: { userMasterIdentifier: 'x' } }));
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ status: 11, statusMessage: expect.stringContaining('"school"') });
    const broken = await post('{"school":');
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ status: 11 });
  });

  it('answers unknown paths with 404 and wrong methods with 405, both as StatusResponse', async () => {
    const unknown = await get('/students-api/v1/nope');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ status: 99 });
    const wrongMethod = await fetch(`${server.url}/students-api/v1/students/school`, { method: 'DELETE', headers: { authorization: 'Bearer x' } });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('GET');
  });
});
