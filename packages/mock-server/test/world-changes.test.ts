import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type BulkChange, type MockServer, type ObjectChange } from '../src/index';

let server: MockServer;
const seen: { objects: ObjectChange[]; bulk: BulkChange[] }[] = [];
beforeAll(async () => {
  server = await startMockServer({ port: 0, seed: 5, auth: 'any-bearer' });
  server.onWorldChange((change) => seen.push(change));
});
afterAll(() => server.close());

const admin = (method: string, path: string, body?: unknown) =>
  fetch(`${server.url}/_admin${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
const studentsOf = async (orgMasterId: string) =>
  (await (await fetch(`${server.url}/students-api/v1/students/school?orgMasterId=${orgMasterId}`, { headers: { authorization: 'Bearer x' } })).json()) as {
    givenName: string;
    familyName: string;
    userMasterIdentifier?: string;
  }[];
const lastChange = () => seen.at(-1)!;

describe('changing the world through /_admin', () => {
  it('adds a student: the API serves it and the change names the student and its new enrollments', async () => {
    const school = server.world.schools[0]!.orgMasterId;
    const response = await admin('POST', `/schools/${school}/students`, { givenName: 'Fenna', familyName: 'Visser' });
    expect(response.status).toBe(201);
    const { student } = (await response.json()) as { student: { userMasterIdentifier: string } };
    expect((await studentsOf(school)).some((item) => item.familyName === 'Visser' && item.givenName === 'Fenna')).toBe(true);
    const objects = lastChange().objects;
    expect(objects).toContainEqual({
      api: 'students-api',
      objectType: 'Student',
      objectId: student.userMasterIdentifier,
      orgMasterId: school,
      kind: 'created',
    });
    expect(objects.some((change) => change.objectType === 'Enrollment' && change.kind === 'created')).toBe(true);
  });

  it('changes, moves and deletes a student, each reported as it happened', async () => {
    const [from, to] = [server.world.schools[0]!.orgMasterId, server.world.schools[1]!.orgMasterId];
    const key = server.world.students.get(from)!.find((record) => record.student.userMasterIdentifier)!.student.userMasterIdentifier!;
    const encoded = encodeURIComponent(key);

    expect((await admin('PATCH', `/schools/${from}/students/${encoded}`, { familyName: 'Jansen' })).status).toBe(200);
    expect(lastChange().objects).toContainEqual({ api: 'students-api', objectType: 'Student', objectId: key, orgMasterId: from, kind: 'changed' });

    expect((await admin('POST', `/schools/${from}/students/${encoded}/move`, { toOrgMasterId: to })).status).toBe(200);
    const moved = lastChange().objects.filter((change) => change.objectType === 'Student');
    expect(moved).toEqual(
      expect.arrayContaining([
        { api: 'students-api', objectType: 'Student', objectId: key, orgMasterId: from, kind: 'deleted' },
        { api: 'students-api', objectType: 'Student', objectId: key, orgMasterId: to, kind: 'created' },
      ]),
    );
    expect((await studentsOf(to)).some((student) => student.userMasterIdentifier === key && student.familyName === 'Jansen')).toBe(true);
    expect((await studentsOf(from)).some((student) => student.userMasterIdentifier === key)).toBe(false);

    expect((await admin('DELETE', `/schools/${to}/students/${encoded}`)).status).toBe(204);
    expect(lastChange().objects).toContainEqual({ api: 'students-api', objectType: 'Student', objectId: key, orgMasterId: to, kind: 'deleted' });
  });

  it('imports students in bulk and reports one bulk change per API', async () => {
    const school = server.world.schools[2]!.orgMasterId;
    const before = (await studentsOf(school)).length;
    expect((await admin('POST', `/schools/${school}/students/import`, { count: 25 })).status).toBe(201);
    expect((await studentsOf(school)).length).toBe(before + 25);
    expect(lastChange()).toEqual({
      objects: [],
      bulk: [
        { api: 'students-api', orgMasterId: school },
        { api: 'association-api', orgMasterId: school },
      ],
    });
  });

  it('adds, changes and deletes an employee, and renames a group', async () => {
    const school = server.world.schools[0]!.orgMasterId;
    const added = (await (await admin('POST', `/schools/${school}/employees`, {})).json()) as { employee: { userIds: { userId: string }[] } };
    const key = added.employee.userIds[0]!.userId;
    expect(lastChange().objects).toContainEqual(expect.objectContaining({ objectType: 'Employee', objectId: key, kind: 'created' }));
    expect((await admin('PATCH', `/schools/${school}/employees/${encodeURIComponent(key)}`, { familyName: 'de Wit' })).status).toBe(200);
    expect(lastChange().objects).toContainEqual(expect.objectContaining({ objectType: 'Employee', objectId: key, kind: 'changed' }));
    expect((await admin('DELETE', `/schools/${school}/employees/${encodeURIComponent(key)}`)).status).toBe(204);
    const group = server.world.association.get(school)!.groups[0]!;
    expect((await admin('PATCH', `/schools/${school}/groups/${group.groupId}`, { groupName: 'groep 8 De Uilen' })).status).toBe(204);
    expect(lastChange().objects).toEqual([{ api: 'association-api', objectType: 'Group', objectId: group.groupId, orgMasterId: school, kind: 'changed' }]);
  });

  it('refuses malformed changes with the field named, and unknown targets with 404', async () => {
    const school = server.world.schools[0]!.orgMasterId;
    const bad = await admin('POST', `/schools/${school}/students`, { gender: 'robot', nickname: 'x' });
    expect(bad.status).toBe(400);
    const message = ((await bad.json()) as { statusMessage: string }).statusMessage;
    expect(message).toContain('"gender"');
    expect(message).toContain('nickname');
    expect((await admin('POST', '/schools/000X000/students', {})).status).toBe(404);
    expect((await admin('DELETE', `/schools/${school}/students/nobody`)).status).toBe(404);
    expect((await admin('POST', `/schools/${school}/students/import`, { count: 0 })).status).toBe(400);
  });

  it('resets to the seeded world and keeps the consents and subscriptions given', async () => {
    const school = server.world.schools[2]!.orgMasterId;
    const key = { clientId: 'demo-selectieomgeving', orgMasterId: school, api: 'education-api' };
    expect(server.consent.isActive(key)).toBe(false);
    server.consent.activate(key);
    const subscription = { clientId: 'demo-dashboard', api: 'students-api', callbackUrl: 'http://127.0.0.1:9' };
    server.notifications.dispatcher.subscribe(subscription);
    expect((await admin('POST', '/reset')).status).toBe(204);
    expect(await studentsOf(school)).toHaveLength(500);
    expect(lastChange().bulk.length).toBe(server.world.schools.length * 4);
    expect(server.consent.isActive(key)).toBe(true);
    expect(server.notifications.dispatcher.subscriptions()).toContainEqual(subscription);
  });
});
