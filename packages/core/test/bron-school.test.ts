import { describe, expect, it } from 'vitest';
import { createBron } from '../src/server';
import { schoolApi, schoolDirectory } from './support/school-api';

/** The runtime half of the handler input's school type (bron-school.test-d.ts is the other half). */
describe('createBron and the school of an operation', () => {
  const seen: unknown[] = [];
  const bron = createBron(
    schoolApi,
    {
      listThingsForSchool: ({ school }) => (seen.push(school), [{ id: 'a', school: school.school.orgMasterId }]),
      findThing: ({ school, body }) => (seen.push(school), { id: body.id, school: school.school.orgMasterId }),
      getThing: ({ school, selection, path }) => (seen.push(school, selection), { id: path.id }),
    },
    { schools: schoolDirectory, dangerouslyAcceptAnyToken: true },
  );
  const call = async (path: string, body?: unknown) => {
    const init: RequestInit = body === undefined ? {} : { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } };
    const response = (await bron.handle(
      new Request(`http://bron.test/school-things-api/v1${path}`, { ...init, headers: { authorization: 'Bearer t', ...init.headers } }),
    ))!;
    return { status: response.status, body: (await response.json()) as unknown };
  };

  it('hands a school-selecting handler the resolved school, from the query or the body', async () => {
    seen.length = 0;
    expect(await call('/things/school?orgMasterId=104A158')).toEqual({ status: 200, body: [{ id: 'a', school: '104A158' }] });
    expect(await call('/things/school/find', { school: { organisationMasterIdentifier: '104A158' }, id: 'b' })).toEqual({
      status: 200,
      body: { id: 'b', school: '104A158' },
    });
    expect(seen).toEqual([
      expect.objectContaining({ school: schoolDirectory[0], filterByOrgId: false }),
      expect.objectContaining({ school: schoolDirectory[0], filterByOrgId: false }),
    ]);
  });

  it('refuses a school-selecting request that names no school with 400 / 0011 before the handler runs', async () => {
    seen.length = 0;
    expect(await call('/things/school')).toEqual({
      status: 400,
      body: { status: 11, statusMessage: 'Schema incorrect: orgMasterId or orgId + orgIdType is required' },
    });
    expect(await call('/things/school/find', { id: 'b' })).toEqual({
      status: 400,
      body: { status: 11, statusMessage: 'Schema incorrect: school must be an object' },
    });
    expect(seen).toEqual([]);
  });

  it('gives an operation without a school neither selection nor school, even with school parameters', async () => {
    seen.length = 0;
    expect(await call('/things/x?orgMasterId=104A158')).toEqual({ status: 200, body: { id: 'x' } });
    expect(seen).toEqual([undefined, undefined]);
  });
});
