import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../src/index';

/** Negative cases of every /_admin route: each refusal is a StatusResponse, and nothing in the world changes. */
let server: MockServer;
let changes = 0;
beforeAll(async () => {
  server = await startMockServer({ port: 0, seed: 9 });
  server.onWorldChange(() => (changes += 1));
});
afterAll(() => server.close());

interface AdminCase {
  readonly method: string;
  readonly path: string;
  readonly body?: unknown;
  /** Sent as it is (not JSON-encoded). */
  readonly raw?: string;
  readonly httpStatus: number;
  readonly eduvStatus: number;
  readonly message: RegExp;
}

function cases(): [string, AdminCase][] {
  const [first, second] = server.world.schools;
  const school = `/_admin/schools/${first!.orgMasterId}`;
  const student = encodeURIComponent(server.world.students.get(first!.orgMasterId)![0]!.student.userMasterIdentifier!);
  const employee = encodeURIComponent(server.world.employees.get(first!.orgMasterId)![0]!.employee.userIds[0]!.userId);
  const group = encodeURIComponent(server.world.association.get(first!.orgMasterId)!.groups[0]!.groupId);
  const callback = '/_admin/clients/demo-dashboard/callback';
  const schema = (field: string) => new RegExp(`^Schema incorrect: .*"${field}"`);
  const list: [string, AdminCase][] = [
    ['callback: wrong method', { method: 'POST', path: callback, body: { url: 'http://127.0.0.1:9/' }, httpStatus: 405, eduvStatus: 99, message: /use PUT/ }],
    [
      'callback: unknown client',
      {
        method: 'PUT',
        path: '/_admin/clients/nobody/callback',
        body: { url: 'http://127.0.0.1:9/' },
        httpStatus: 404,
        eduvStatus: 99,
        message: /no registered client nobody/,
      },
    ],
    ['callback: not JSON', { method: 'PUT', path: callback, raw: '{"url":', httpStatus: 400, eduvStatus: 11, message: /not valid JSON/ }],
    [
      'callback: not an http(s) url',
      { method: 'PUT', path: callback, body: { url: 'ftp://127.0.0.1/' }, httpStatus: 400, eduvStatus: 11, message: schema('url') },
    ],
    ['callback: no url', { method: 'PUT', path: callback, body: {}, httpStatus: 400, eduvStatus: 11, message: schema('url') }],
    [
      'endpoints: unknown client',
      {
        method: 'PUT',
        path: '/_admin/clients/nobody/endpoints',
        body: { 'order-api': 'http://127.0.0.1:9/order-api/v0' },
        httpStatus: 404,
        eduvStatus: 99,
        message: /no registered client nobody/,
      },
    ],
    [
      'endpoints: not an http(s) url',
      {
        method: 'PUT',
        path: '/_admin/clients/demo-bestelomgeving/endpoints',
        body: { 'order-api': 'ftp://127.0.0.1/' },
        httpStatus: 400,
        eduvStatus: 11,
        message: schema('order-api'),
      },
    ],
    [
      'endpoints: not an API name',
      {
        method: 'PUT',
        path: '/_admin/clients/demo-bestelomgeving/endpoints',
        body: { orders: 'http://127.0.0.1:9/' },
        httpStatus: 400,
        eduvStatus: 11,
        message: /orders/,
      },
    ],
    [
      'endpoints: not a map',
      {
        method: 'PUT',
        path: '/_admin/clients/demo-bestelomgeving/endpoints',
        body: ['http://127.0.0.1:9/'],
        httpStatus: 400,
        eduvStatus: 11,
        message: /Schema incorrect/,
      },
    ],
    [
      'callback: an unknown field',
      { method: 'PUT', path: callback, body: { url: 'http://127.0.0.1:9/', extra: 1 }, httpStatus: 400, eduvStatus: 11, message: /extra/ },
    ],
    [
      'PATCH student: unknown school',
      {
        method: 'PATCH',
        path: `/_admin/schools/000X000/students/${student}`,
        body: { givenName: 'A' },
        httpStatus: 404,
        eduvStatus: 99,
        message: /no seeded school with orgMasterId 000X000/,
      },
    ],
    [
      'PATCH student: unknown student',
      { method: 'PATCH', path: `${school}/students/nobody`, body: { givenName: 'A' }, httpStatus: 404, eduvStatus: 99, message: /no student nobody/ },
    ],
    [
      'PATCH student: a bad value',
      { method: 'PATCH', path: `${school}/students/${student}`, body: { gender: 'robot' }, httpStatus: 400, eduvStatus: 11, message: schema('gender') },
    ],
    [
      'PATCH student: an unknown field',
      { method: 'PATCH', path: `${school}/students/${student}`, body: { nickname: 'x' }, httpStatus: 400, eduvStatus: 11, message: /nickname/ },
    ],
    [
      'PATCH student: no body',
      { method: 'PATCH', path: `${school}/students/${student}`, raw: '', httpStatus: 400, eduvStatus: 11, message: /body is required/ },
    ],
    [
      'PATCH student: not JSON',
      { method: 'PATCH', path: `${school}/students/${student}`, raw: '{', httpStatus: 400, eduvStatus: 11, message: /not valid JSON/ },
    ],
    [
      'move: no toOrgMasterId',
      { method: 'POST', path: `${school}/students/${student}/move`, body: {}, httpStatus: 400, eduvStatus: 11, message: schema('toOrgMasterId') },
    ],
    [
      'move: to the same school',
      {
        method: 'POST',
        path: `${school}/students/${student}/move`,
        body: { toOrgMasterId: first!.orgMasterId },
        httpStatus: 400,
        eduvStatus: 99,
        message: /already at/,
      },
    ],
    [
      'move: to an unknown school',
      {
        method: 'POST',
        path: `${school}/students/${student}/move`,
        body: { toOrgMasterId: '000X000' },
        httpStatus: 404,
        eduvStatus: 99,
        message: /no seeded school/,
      },
    ],
    [
      'move: unknown student',
      {
        method: 'POST',
        path: `${school}/students/nobody/move`,
        body: { toOrgMasterId: second!.orgMasterId },
        httpStatus: 404,
        eduvStatus: 99,
        message: /no student nobody/,
      },
    ],
    [
      'import: too many',
      { method: 'POST', path: `${school}/students/import`, body: { count: 10_001 }, httpStatus: 400, eduvStatus: 11, message: schema('count') },
    ],
    [
      'import: not a number',
      { method: 'POST', path: `${school}/students/import`, body: { count: '2' }, httpStatus: 400, eduvStatus: 11, message: schema('count') },
    ],
    [
      'POST employee: unknown school',
      { method: 'POST', path: '/_admin/schools/000X000/employees', body: {}, httpStatus: 404, eduvStatus: 99, message: /no seeded school/ },
    ],
    [
      'POST employee: an unknown field',
      { method: 'POST', path: `${school}/employees`, body: { nickname: 'x' }, httpStatus: 400, eduvStatus: 11, message: /nickname/ },
    ],
    [
      'PATCH employee: unknown employee',
      { method: 'PATCH', path: `${school}/employees/nobody`, body: { givenName: 'A' }, httpStatus: 404, eduvStatus: 99, message: /no employee nobody/ },
    ],
    [
      'PATCH employee: a bad value',
      { method: 'PATCH', path: `${school}/employees/${employee}`, body: { familyName: 42 }, httpStatus: 400, eduvStatus: 11, message: schema('familyName') },
    ],
    [
      'PATCH employee: no body',
      { method: 'PATCH', path: `${school}/employees/${employee}`, raw: '', httpStatus: 400, eduvStatus: 11, message: /body is required/ },
    ],
    [
      'DELETE employee: unknown employee',
      { method: 'DELETE', path: `${school}/employees/nobody`, httpStatus: 404, eduvStatus: 99, message: /no employee nobody/ },
    ],
    [
      'DELETE student: unknown school',
      { method: 'DELETE', path: `/_admin/schools/000X000/students/${student}`, httpStatus: 404, eduvStatus: 99, message: /no seeded school/ },
    ],
    [
      'rename group: unknown group',
      { method: 'PATCH', path: `${school}/groups/nogroup`, body: { groupName: '8B' }, httpStatus: 404, eduvStatus: 99, message: /no group nogroup/ },
    ],
    [
      'rename group: empty name',
      { method: 'PATCH', path: `${school}/groups/${group}`, body: { groupName: '' }, httpStatus: 400, eduvStatus: 11, message: schema('groupName') },
    ],
    ['world route: wrong method', { method: 'GET', path: `${school}/students`, httpStatus: 405, eduvStatus: 99, message: /method GET not allowed here/ }],
    ['world route: unknown route', { method: 'POST', path: `${school}/pets`, body: {}, httpStatus: 404, eduvStatus: 99, message: /no admin route/ }],
    [
      'PATCH student: an id that is not valid percent-encoding',
      { method: 'PATCH', path: `${school}/students/%E0%A4%A`, body: { familyName: 'Jansen' }, httpStatus: 400, eduvStatus: 11, message: /percent-encod/ },
    ],
    [
      'callback: a client id that is not valid percent-encoding',
      {
        method: 'PUT',
        path: '/_admin/clients/%E0%A4%A/callback',
        body: { url: 'http://127.0.0.1:9/' },
        httpStatus: 400,
        eduvStatus: 11,
        message: /percent-encod/,
      },
    ],
    ['reset: wrong method', { method: 'GET', path: '/_admin/reset', httpStatus: 405, eduvStatus: 99, message: /not allowed/ }],
    ['consents: wrong method', { method: 'DELETE', path: '/_admin/consents', httpStatus: 405, eduvStatus: 99, message: /use GET or PUT/ }],
    [
      'consents: unknown api',
      {
        method: 'PUT',
        path: '/_admin/consents',
        body: { clientId: 'demo-dashboard', orgMasterId: first!.orgMasterId, api: 'pets-api', active: true },
        httpStatus: 400,
        eduvStatus: 11,
        message: schema('api'),
      },
    ],
    [
      'consents: unknown school',
      {
        method: 'PUT',
        path: '/_admin/consents',
        body: { clientId: 'demo-dashboard', orgMasterId: '000X000', api: 'education-api', active: true },
        httpStatus: 400,
        eduvStatus: 11,
        message: schema('orgMasterId'),
      },
    ],
  ];
  return list;
}

describe('negative cases of every /_admin route', () => {
  it('refuses each with its status and a StatusResponse, and changes nothing', async () => {
    const consentsBefore = server.consent.list().length;
    for (const [name, item] of cases()) {
      const body = item.raw ?? (item.body === undefined ? undefined : JSON.stringify(item.body));
      const response = await fetch(`${server.url}${item.path}`, {
        method: item.method,
        headers: { 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body }),
      });
      const answer = { httpStatus: response.status, body: (await response.json()) as unknown };
      expect(answer, name).toEqual({ httpStatus: item.httpStatus, body: { status: item.eduvStatus, statusMessage: expect.stringMatching(item.message) } });
    }
    expect(changes).toBe(0);
    expect(server.consent.list()).toHaveLength(consentsBefore);
  });
});
