import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../src/index';
import { clientAssertion, JWT_BEARER } from './support/assertions';
import {
  PROVIDED_OPERATIONS,
  send,
  tokenSource,
  UNKNOWN_SCHOOL,
  validRequest,
  type EduvAnswer,
  type EduvRequest,
  type OperationCase,
} from './support/edu-v-requests';

/**
 * The fuzz test that reaches the handlers: real school ids, real object ids, real tokens and valid
 * requests with one thing dropped, changed or retyped at a time, on every operation, the admin
 * routes and the token endpoint. Nothing may answer 5xx; every refusal is a StatusResponse (OAuth
 * errors an OAuth error body).
 */
let server: MockServer;
let tokens: ReturnType<typeof tokenSource>;
/** Per by-id operation, an id the bron knows (found by listing and trying each string field). */
const knownIds = new Map<string, string>();
/** The list whose items carry the ids, where it is not the by-id path without `/{id}` (the chain's reads). */
const LIST_OF: Readonly<Record<string, string>> = {
  getDeliveryOrder: 'listDeliveryOrdersForSchool',
  getEntitlement: 'listEntitlementsForSchool',
  listEntitlementsForDeliveryOrder: 'listDeliveryOrdersForSchool',
  getEntitlementUsage: 'listEntitlementsForSchool',
  listContractUsage: 'listDeliveryOrdersForSchool',
  getDeliveryOrderUsage: 'listDeliveryOrdersForSchool',
};
const listFor = (item: OperationCase): OperationCase | undefined =>
  PROVIDED_OPERATIONS.find(
    (other) =>
      other.registry === item.registry &&
      (LIST_OF[item.operation.operationId]
        ? other.operation.operationId === LIST_OF[item.operation.operationId]
        : other.operation.method === 'GET' && other.operation.path === item.operation.path.slice(0, -'/{id}'.length)),
  ) ?? PROVIDED_OPERATIONS.find((other) => other.operation.operationId === LIST_OF[item.operation.operationId]);

beforeAll(async () => {
  server = await startMockServer({ port: 0, seed: 8 });
  tokens = tokenSource(server);
  const school = server.world.schools.at(-1)!.orgMasterId;
  for (const item of PROVIDED_OPERATIONS.filter(({ operation }) => operation.path.endsWith('/{id}'))) {
    const list = listFor(item)!;
    const items = (await send(server.url, validRequest(list, { world: server.world, orgMasterId: school }), await tokens.full(item.registry))).json as Record<
      string,
      unknown
    >[];
    for (const value of Object.values(items[0]!).filter((candidate): candidate is string => typeof candidate === 'string')) {
      const answer = await send(server.url, validRequest(item, { world: server.world, orgMasterId: school }, { id: value }), await tokens.full(item.registry));
      if (answer.status === 200) {
        knownIds.set(item.operation.operationId, value);
        break;
      }
    }
  }
});
afterAll(() => server.close());

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

/** Every place in a JSON value: each object member and array element, nested. */
function placesIn(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => [[...prefix, index], ...placesIn(item, [...prefix, index])]);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => [[...prefix, key], ...placesIn(item, [...prefix, key])]);
  return [];
}

/** A copy of `value` with the member at `path` removed (`replacement` undefined) or replaced. */
function edit(value: unknown, path: Path, replacement: unknown): unknown {
  if (!path.length) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    if (rest.length || replacement !== undefined) copy[head as number] = edit(copy[head as number], rest, replacement);
    else copy.splice(head as number, 1);
    return copy;
  }
  const copy = { ...(value as Record<string, unknown>) };
  if (rest.length || replacement !== undefined) copy[head!] = edit(copy[head!], rest, replacement);
  else delete copy[head!];
  return copy;
}

const strings = fc.constantFrom(
  '',
  'x',
  ' ',
  UNKNOWN_SCHOOL,
  '2025-2026',
  'OIE_CODE',
  'V_ID',
  'true',
  'eckId',
  '00000000-0000-0000-0000-000000000000',
  '%',
  'a'.repeat(2_000),
);
const otherTypes = fc.constantFrom<Json>(42, -1, 1.5, null, true, false, [], {}, ['x'], { x: 1 });

/** One change to a valid request: drop, change or retype a body member, or drop, change or add a parameter. */
type Change =
  | { kind: 'body-drop'; place: number }
  | { kind: 'body-change'; place: number; value: string }
  | { kind: 'body-retype'; place: number; value: Json }
  | { kind: 'query-drop'; place: number }
  | { kind: 'query-set'; place: number; value: string }
  | { kind: 'path-set'; value: string }
  | { kind: 'none' };

const changes: fc.Arbitrary<Change> = fc.oneof(
  fc.record({ kind: fc.constant('body-drop' as const), place: fc.nat() }),
  fc.record({ kind: fc.constant('body-change' as const), place: fc.nat(), value: strings }),
  fc.record({ kind: fc.constant('body-retype' as const), place: fc.nat(), value: otherTypes }),
  fc.record({ kind: fc.constant('query-drop' as const), place: fc.nat() }),
  fc.record({ kind: fc.constant('query-set' as const), place: fc.nat(), value: strings }),
  fc.record({ kind: fc.constant('path-set' as const), value: strings }),
  fc.constant({ kind: 'none' as const }),
);

function apply(item: OperationCase, request: EduvRequest, change: Change): EduvRequest {
  const places = placesIn(request.body);
  const parameters = item.operation.parameters.filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name);
  switch (change.kind) {
    case 'body-drop':
      return places.length ? { ...request, body: edit(request.body, places[change.place % places.length]!, undefined) } : request;
    case 'body-change':
    case 'body-retype':
      return places.length ? { ...request, body: edit(request.body, places[change.place % places.length]!, change.value) } : request;
    case 'query-drop': {
      const keys = Object.keys(request.query);
      if (!keys.length) return request;
      const query = { ...request.query };
      delete query[keys[change.place % keys.length]!];
      return { ...request, query };
    }
    case 'query-set':
      return parameters.length ? { ...request, query: { ...request.query, [parameters[change.place % parameters.length]!]: change.value } } : request;
    case 'path-set': {
      const template = `${item.registry.basePath}${item.operation.path}`;
      return template.includes('{') ? { ...request, path: template.replace(/\{[^}]+\}/g, encodeURIComponent(change.value) || 'x') } : request;
    }
    case 'none':
      return request;
  }
}

const SOME_STRINGS = ['', UNKNOWN_SCHOOL, '%'];
const SOME_OTHER_TYPES: Json[] = [null, 42, [], {}];

/** Every single change of the fixed kinds: each body member dropped, changed and retyped; each parameter dropped or set. */
function everySingleChange(item: OperationCase, request: EduvRequest): Change[] {
  const places = placesIn(request.body).map((_place, place) => place);
  const parameters = item.operation.parameters.filter((parameter) => parameter.in === 'query').map((_parameter, place) => place);
  return [
    ...places.flatMap((place): Change[] => [
      { kind: 'body-drop', place },
      ...SOME_STRINGS.map((value): Change => ({ kind: 'body-change', place, value })),
      ...SOME_OTHER_TYPES.map((value): Change => ({ kind: 'body-retype', place, value })),
    ]),
    ...Object.keys(request.query).map((_key, place): Change => ({ kind: 'query-drop', place })),
    ...parameters.flatMap((place) => SOME_STRINGS.map((value): Change => ({ kind: 'query-set', place, value }))),
    ...(item.operation.path.includes('{') ? SOME_STRINGS.map((value): Change => ({ kind: 'path-set', value })) : []),
  ];
}

function expectEduvAnswer(answer: EduvAnswer, label: string, apiVersion?: string) {
  expect(answer.status, `${label} → ${answer.text.slice(0, 300)}`).toBeLessThan(500);
  if (apiVersion) expect(answer.headers.get('api-version'), label).toBe(apiVersion);
  if (answer.status >= 400) {
    expect(answer.json, `${label} → ${answer.text.slice(0, 300)}`).toMatchObject({ status: expect.any(Number), statusMessage: expect.any(String) });
  }
}

describe('fuzzing valid requests one change at a time', () => {
  it('found a real id for every by-id operation', () => {
    const byId = PROVIDED_OPERATIONS.filter(({ operation }) => operation.path.endsWith('/{id}')).map(({ operation }) => operation.operationId);
    expect([...knownIds.keys()].sort()).toEqual(byId.sort());
  });

  it('never answers 5xx to any single change of a valid request, on every operation (every change tried)', async () => {
    const orgMasterId = server.world.schools[0]!.orgMasterId;
    let tried = 0;
    for (const item of PROVIDED_OPERATIONS) {
      const valid = validRequest(item, { world: server.world, orgMasterId }, { id: knownIds.get(item.operation.operationId) ?? 'no-such-id' });
      for (const change of everySingleChange(item, valid)) {
        const request = apply(item, valid, change);
        expectEduvAnswer(await send(server.url, request, await tokens.full(item.registry)), `${item.name} ${JSON.stringify(change)}`, item.registry.version);
        tried += 1;
      }
    }
    expect(tried).toBeGreaterThan(500);
  });

  it('never answers 5xx on any operation, reaching the handlers with real schools and ids', async () => {
    let reachedHandlers = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...PROVIDED_OPERATIONS),
        fc.constantFrom(...server.world.schools.map((school) => school.orgMasterId)),
        changes,
        async (item, orgMasterId, change) => {
          const ids = { id: knownIds.get(item.operation.operationId) ?? 'no-such-id' };
          const request = apply(item, validRequest(item, { world: server.world, orgMasterId }, ids), change);
          const answer = await send(server.url, request, await tokens.full(item.registry));
          // A 2xx or a business refusal (20xx, 404) means the handler ran.
          const status = (answer.json as { status?: number } | undefined)?.status;
          if (answer.status < 300 || answer.status === 404 || (typeof status === 'number' && status >= 1000)) reachedHandlers += 1;
          expectEduvAnswer(
            answer,
            `${request.method} ${request.path} ${JSON.stringify(request.query)} ${JSON.stringify(request.body)?.slice(0, 300)}`,
            item.registry.version,
          );
        },
      ),
      { numRuns: 300 },
    );
    expect(reachedHandlers).toBeGreaterThan(60);
  });
});

describe('fuzzing the admin routes and the token endpoint', () => {
  const adminRequests = () => {
    const [first, second] = server.world.schools;
    const student = server.world.students.get(first!.orgMasterId)![0]!.student;
    const employee = server.world.employees.get(first!.orgMasterId)![0]!.employee;
    const group = server.world.association.get(first!.orgMasterId)!.groups[0]!;
    const studentKey = encodeURIComponent(student.userMasterIdentifier!);
    const employeeKey = encodeURIComponent(employee.userIds[0]!.userId);
    const at = `/_admin/schools/${first!.orgMasterId}`;
    return [
      { method: 'POST', path: `${at}/students`, body: { familyName: 'Jansen', givenName: 'Anna' } },
      { method: 'PATCH', path: `${at}/students/${studentKey}`, body: { givenName: 'Sanne' } },
      { method: 'POST', path: `${at}/students/${studentKey}/move`, body: { toOrgMasterId: second!.orgMasterId } },
      { method: 'POST', path: `${at}/students/import`, body: { count: 2 } },
      { method: 'POST', path: `${at}/employees`, body: { familyName: 'de Vries' } },
      { method: 'PATCH', path: `${at}/employees/${employeeKey}`, body: { givenName: 'Piet' } },
      { method: 'PATCH', path: `${at}/groups/${encodeURIComponent(group.groupId)}`, body: { groupName: '8B' } },
      { method: 'PUT', path: '/_admin/consents', body: { clientId: 'demo-toetssysteem', orgMasterId: second!.orgMasterId, api: 'students-api', active: true } },
      { method: 'PUT', path: '/_admin/clients/demo-dashboard/callback', body: { url: 'http://127.0.0.1:9/notifications-api/v0' } },
    ] as const;
  };

  it('never answers 5xx to an admin request with one change, and every refusal is a StatusResponse', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), changes, async (index, change) => {
        const requests = adminRequests();
        const base = requests[index % requests.length]!;
        const item = { name: 'admin', registry: { basePath: '' }, operation: { path: base.path, parameters: [] } } as unknown as OperationCase;
        const request = apply(item, { ...base, query: {} }, change.kind === 'path-set' ? { kind: 'none' } : change);
        expectEduvAnswer(await send(server.url, request), `${request.method} ${request.path} ${JSON.stringify(request.body)}`);
      }),
      { numRuns: 80 },
    );
  });

  it('never answers 5xx to a token request with one form field dropped or changed, and errors are OAuth errors', async () => {
    const endpoint = server.authorizationServer.tokenEndpoint;
    const fields = ['grant_type', 'client_id', 'client_assertion_type', 'client_assertion', 'scope'] as const;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fields), fc.option(strings, { nil: undefined }), fc.boolean(), async (field, value, contentTypeRight) => {
        const form: Record<string, string> = {
          grant_type: 'client_credentials',
          client_id: 'demo-dashboard',
          client_assertion_type: JWT_BEARER,
          client_assertion: await clientAssertion('demo-dashboard', endpoint),
          scope: 'eduv.education',
        };
        if (value === undefined) delete form[field];
        else form[field] = value;
        const response = await fetch(endpoint, {
          method: 'POST',
          headers: { 'content-type': contentTypeRight ? 'application/x-www-form-urlencoded' : 'application/json' },
          body: new URLSearchParams(form),
        });
        const body = (await response.json()) as Record<string, unknown>;
        expect(response.status, JSON.stringify(body)).toBeLessThan(500);
        if (response.status >= 400) expect(body).toMatchObject({ error: expect.any(String), error_description: expect.any(String) });
        else expect(body).toMatchObject({ access_token: expect.any(String), token_type: 'Bearer' });
      }),
      { numRuns: 100 },
    );
  });
});
