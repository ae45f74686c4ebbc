import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../src/index';

// The world holds the Association objects of a few schools only (ASSOCIATION_SCHOOLS_KEPT) and
// rebuilds the others when read: the medium world has more schools than are kept.
let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ port: 0, seed: 3, size: 'medium', auth: 'any-bearer' });
});
afterAll(() => server.close());

const read = async (path: string) => {
  const response = await fetch(`${server.url}/association-api/v1${path}`, { headers: { authorization: 'Bearer x' } });
  expect(response.status).toBe(200);
  return response.text();
};
const schools = () => server.world.schools.map((school) => school.orgMasterId);
const readAllOthers = async (except: string) => {
  for (const id of schools()) if (id !== except) await read(`/groups/school?orgMasterId=${id}`);
};

describe('Association objects of schools read long ago', () => {
  it('are served again with the same bytes once other schools were read', async () => {
    const first = schools()[0]!;
    const before = [await read(`/enrollments/school?orgMasterId=${first}`), await read(`/groups/school?orgMasterId=${first}`)];
    await readAllOthers(first);
    expect([await read(`/enrollments/school?orgMasterId=${first}`), await read(`/groups/school?orgMasterId=${first}`)]).toEqual(before);
  });

  it('keep a renamed group however many schools are read after it', async () => {
    const school = schools()[1]!;
    const [group] = JSON.parse(await read(`/groups/school?orgMasterId=${school}`)) as { groupId: string; groupName: string }[];
    const renamed = await fetch(`${server.url}/_admin/schools/${school}/groups/${encodeURIComponent(group!.groupId)}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ groupName: 'groep 8 De Uilen' }),
    });
    expect(renamed.status).toBe(204);
    await readAllOthers(school);
    const served = JSON.parse(await read(`/groups/school/${encodeURIComponent(group!.groupId)}?orgMasterId=${school}`)) as { groupName: string };
    expect(served.groupName).toBe('groep 8 De Uilen');
  });
});
