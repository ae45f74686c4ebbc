import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { defineApi } from '../src/registry';
import {
  answerOf,
  BoundedMemo,
  BronError,
  createBron,
  createRouteMatcher,
  jsonAnswer,
  refuseOtherRole,
  requireBearerToken,
  schoolAccess,
  toFetchRequest,
  type BronRequest,
  type CallerContext,
} from '../src/server';
import { operation } from './support/typed-api';

const schools = [{ orgMasterId: '104A158', name: 'De Regenboog', sector: 'po' as const, ids: [] }];
const caller: CallerContext = { clientId: 'client-a', scopes: 'all' };
const decode = (body: Uint8Array | undefined) => (body === undefined ? undefined : JSON.parse(new TextDecoder().decode(body)));

/** A BronRequest that is not a Fetch Request, as the Node adapter passes one. */
function plainRequest(method: string, url: string, body?: string, headers: Record<string, string> = { authorization: 'Bearer t' }): BronRequest {
  return {
    method,
    url,
    headers: {
      get: (name) => headers[name.toLowerCase()] ?? null,
      forEach: (callback) => Object.entries(headers).forEach(([name, value]) => callback(value, name)),
    },
    text: async () => body ?? '',
  };
}

// Templates listed before the literal path they could swallow, so route order must come from the matcher.
const api = defineApi({
  api: 'things-api',
  title: 'Things',
  version: '1.2.3',
  major: 1,
  basePath: '/things-api/v1',
  roles: { implementing: 'Bron', calling: ['Afnemer'] },
  consentRequired: false,
  scopes: [],
  operations: {
    getThing: operation({
      operationId: 'getThing',
      path: '/things/{id}',
      pathParams: z.object({ id: z.string() }),
      responses: { 200: z.object({ id: z.string() }) },
    }),
    listThings: operation({
      operationId: 'listThings',
      path: '/things/school',
      scopes: [],
      attributeScopes: { secret: 'things.secret' },
      schoolSelection: 'query',
      query: z.object({ orgMasterId: z.string().optional() }),
      responses: { 200: z.array(z.object({ id: z.string(), secret: z.string().optional() })) },
    }),
    nameOfThing: operation({ operationId: 'nameOfThing', path: '/names/{id}', pathParams: z.object({ id: z.string() }), responses: { 200: z.string() } }),
    deleteThing: operation({
      operationId: 'deleteThing',
      method: 'DELETE',
      path: '/things/{id}',
      pathParams: z.object({ id: z.string() }),
      successStatus: 204,
      responses: { 204: undefined },
    }),
    findThings: operation({
      operationId: 'findThings',
      method: 'POST',
      path: '/things/search',
      schoolSelection: 'body',
      body: z.object({ school: z.unknown().optional(), note: z.string().optional() }).optional(),
      businessCodes: [{ status: 2050, httpStatus: 409, message: 'Thing is locked', trigger: { in: 'body', name: 'note' } }],
      responses: { 200: z.object({ note: z.string() }) },
    }),
  },
});

describe('BronError.refusal', () => {
  const findThings = api.operations.findThings;

  it('takes the HTTP status and message of the business code the spec lists for the operation', () => {
    const error = BronError.refusal(findThings, 2050, 'thing 7 is being edited');
    expect([error.httpStatus, error.eduvStatus, error.statusMessage]).toEqual([409, 2050, 'Thing is locked: thing 7 is being edited']);
  });

  it('throws a programming error for a code the operation does not list', () => {
    expect(() => BronError.refusal(findThings, 2051, 'x')).toThrow('findThings lists no business code 2051 in its spec');
  });
});

describe('schoolAccess', () => {
  const listThings = api.operations.listThings;

  it('resolves a known school and asks authorize about it', async () => {
    const authorize = vi.fn();
    const school = await schoolAccess(api, schools, authorize)({ orgMasterId: '104A158' }, caller, listThings);
    expect(school.school.name).toBe('De Regenboog');
    expect(authorize).toHaveBeenCalledWith(caller, school, listThings, api);
  });

  it('refuses an unknown school and a missing selection before authorize is asked', async () => {
    const authorize = vi.fn();
    const access = schoolAccess(api, schools, authorize);
    await expect(access({ orgMasterId: '999X999' }, caller, listThings)).rejects.toMatchObject({ httpStatus: 400, eduvStatus: 23 });
    await expect(access(undefined, caller, listThings)).rejects.toMatchObject({ httpStatus: 400, eduvStatus: 23 });
    expect(authorize).not.toHaveBeenCalled();
  });

  it('passes on what authorize throws', async () => {
    const access = schoolAccess(api, schools, () => {
      throw BronError.consentRequired('no activation');
    });
    await expect(access({ orgMasterId: '104A158' }, caller, listThings)).rejects.toMatchObject({ httpStatus: 403, eduvStatus: 22 });
  });

  it('works without authorize', async () => {
    await expect(schoolAccess(api, schools, undefined)({ orgMasterId: '104A158' }, caller, listThings)).resolves.toMatchObject({
      school: { orgMasterId: '104A158' },
    });
  });
});

describe('BoundedMemo', () => {
  it('computes a key once and remembers it', () => {
    const memo = new BoundedMemo<number>(3);
    const compute = vi.fn((key: string) => key.length);
    expect([memo.get('ab', compute), memo.get('ab', compute), memo.get('abc', compute)]).toEqual([2, 2, 3]);
    expect(compute).toHaveBeenCalledTimes(2);
    expect(memo.size).toBe(2);
  });

  it('starts over when full, so it never holds more than its capacity', () => {
    const memo = new BoundedMemo<string>(2);
    const compute = vi.fn((key: string) => key.toUpperCase());
    memo.get('a', compute);
    memo.get('b', compute);
    expect(memo.size).toBe(2);
    memo.get('c', compute);
    expect(memo.size).toBe(1);
    memo.get('a', compute);
    expect(compute).toHaveBeenCalledTimes(4);
    expect(memo.size).toBe(2);
  });
});

describe('createRouteMatcher', () => {
  const match = createRouteMatcher(api);

  it('lets a literal path win over a template that matches it too, whatever the order in the registry', () => {
    expect(match('GET', '/things-api/v1/things/school')).toMatchObject({ kind: 'operation', operation: { operationId: 'listThings' } });
    expect(match('GET', '/things-api/v1/things/42')).toMatchObject({ kind: 'operation', operation: { operationId: 'getThing' }, params: { id: '42' } });
  });

  it('decodes path parameters and treats regex characters in paths literally', () => {
    expect(match('GET', '/things-api/v1/things/a%20b')).toMatchObject({ params: { id: 'a b' } });
    const dotted = defineApi({ ...api, basePath: '/v1.0', operations: { dot: operation({ operationId: 'dot', path: '/a.b/{x}' }) } });
    const matchDotted = createRouteMatcher(dotted);
    expect(matchDotted('GET', '/v1.0/a.b/1')).toMatchObject({ kind: 'operation' });
    expect(matchDotted('GET', '/v1x0/aXb/1')).toEqual({ kind: 'none' });
  });

  it('reads only whole {name} segments as parameters', () => {
    const odd = defineApi({ ...api, operations: { odd: operation({ operationId: 'odd', path: '/x/{id}/y' }) } });
    const matchOdd = createRouteMatcher(odd);
    expect(matchOdd('GET', '/things-api/v1/x/7/y')).toMatchObject({ kind: 'operation', params: { id: '7' } });
    expect(matchOdd('GET', '/things-api/v1/x/7/z')).toEqual({ kind: 'none' });
  });

  it('names the methods a path allows', () => {
    expect(match('PUT', '/things-api/v1/things/1')).toEqual({ kind: 'method-not-allowed', allowed: ['GET', 'DELETE'] });
  });
});

describe('refuseOtherRole', () => {
  const bron = createBron(
    api,
    {
      getThing: ({ path }: { path?: Record<string, string> }) => ({ id: path!.id }),
      listThings: () => [],
      nameOfThing: () => 'n',
      deleteThing: () => undefined,
      findThings: () => ({ note: '' }),
    } as never,
    { dangerouslyAcceptAnyToken: true },
  );
  const wrapped = refuseOtherRole(bron, ['deleteThing'], 'Ontvanger');

  it('answers 405 for the other role’s operation, with the methods this party offers on the path in Allow', async () => {
    const answer = await wrapped.answer(plainRequest('DELETE', 'http://bron.test/things-api/v1/things/1'));
    expect(answer!.status).toBe(405);
    expect(answer!.headers.allow).toBe('GET');
    expect(answer!.headers['api-version']).toBe('1.2.3');
    expect(decode(answer!.body)).toEqual({ status: 99, statusMessage: 'Method Not Allowed - Ontvanger is provider of this endpoint' });
  });

  it('passes every other request to the bron', async () => {
    const answer = await wrapped.answer(plainRequest('GET', 'http://bron.test/things-api/v1/things/1'));
    expect([answer!.status, decode(answer!.body)]).toEqual([200, { id: '1' }]);
  });

  it('leaves Allow empty on a path where this party offers nothing', async () => {
    const onlyOther = refuseOtherRole(bron, ['nameOfThing'], 'Ontvanger');
    expect((await onlyOther.answer(plainRequest('GET', 'http://bron.test/things-api/v1/names/1')))!.headers.allow).toBe('');
  });
});

describe('createBron on requests that are not Fetch Requests', () => {
  const handlers = {
    getThing: ({ path }: { path?: Record<string, string> }) => ({ id: path!.id }),
    listThings: () => [{ id: '1', secret: 's' }],
    nameOfThing: () => 'a name',
    deleteThing: () => undefined,
    findThings: async ({ request }: { request: Request }) => ({ note: await request.text() }),
  };
  const bron = (options: Parameters<typeof createBron>[2] = {}) => createBron(api, handlers as never, { schools, dangerouslyAcceptAnyToken: true, ...options });

  it('gives a handler the body it asks for as a Fetch Request, though the bron read it first', async () => {
    const body = JSON.stringify({ school: { organisationMasterIdentifier: '104A158' }, note: 'n' });
    const answer = await bron().answer(
      plainRequest('POST', 'http://bron.test/things-api/v1/things/search', body, { authorization: 'Bearer t', 'content-type': 'application/json' }),
    );
    expect([answer!.status, decode(answer!.body)]).toEqual([200, { note: body }]);
  });

  it('refuses a POST without body for an operation that takes the school from the body: 400, not 500', async () => {
    const answer = await bron().answer(plainRequest('POST', 'http://bron.test/things-api/v1/things/search'));
    expect(answer!.status).toBe(400);
  });

  it('reads the query up to a fragment, and none when the fragment comes first', async () => {
    const withFragment = await bron().answer(plainRequest('GET', 'http://bron.test/things-api/v1/things/school?orgMasterId=104A158#top'));
    expect(withFragment!.status).toBe(200);
    const fragmentFirst = await bron().answer(plainRequest('GET', 'http://bron.test/things-api/v1/things/school#top?orgMasterId=104A158'));
    expect(fragmentFirst!.status).toBe(400);
  });

  it('answers an operation without body with no bytes at all', async () => {
    const answer = await bron().answer(plainRequest('DELETE', 'http://bron.test/things-api/v1/things/1'));
    expect(answer!.status).toBe(204);
    expect(answer!.body).toBeUndefined();
  });

  it('names the allowed methods in a 405', async () => {
    const answer = await bron().answer(plainRequest('PATCH', 'http://bron.test/things-api/v1/things/1'));
    expect(decode(answer!.body)).toEqual({ status: 99, statusMessage: 'method PATCH not allowed; use GET, DELETE' });
  });

  it('caches answers that are not objects too', async () => {
    const cached = bron({ cacheResponses: true });
    for (let round = 0; round < 2; round++) {
      const answer = await cached.answer(plainRequest('GET', 'http://bron.test/things-api/v1/names/1'));
      expect([answer!.status, decode(answer!.body)]).toEqual([200, 'a name']);
    }
  });

  it('never serves a cached answer to a caller whose scopes release less', async () => {
    const list = [{ id: '1', secret: 's' }];
    const scopesOf = new Map<string, CallerContext['scopes']>([
      ['Bearer all', 'all'],
      ['Bearer none', new Set<string>()],
    ]);
    const cached = createBron(api, { ...handlers, listThings: () => list } as never, {
      schools,
      cacheResponses: true,
      authenticate: (request) => ({ clientId: 'c', scopes: scopesOf.get(request.headers.get('authorization')!)! }),
    });
    const url = 'http://bron.test/things-api/v1/things/school?orgMasterId=104A158';
    const all = await cached.answer(plainRequest('GET', url, undefined, { authorization: 'Bearer all' }));
    const none = await cached.answer(plainRequest('GET', url, undefined, { authorization: 'Bearer none' }));
    expect(decode(all!.body)).toEqual([{ id: '1', secret: 's' }]);
    expect(decode(none!.body)).toEqual([{ id: '1' }]);
  });

  it('hands handlers frozen query and path objects (they are shared between requests)', async () => {
    const seen: unknown[] = [];
    const spying = createBron(
      api,
      {
        ...handlers,
        getThing: ({ path }: { path?: Record<string, string> }) => (seen.push(path), { id: path!.id }),
        listThings: ({ query }: { query?: unknown }) => (seen.push(query), []),
      } as never,
      { schools, dangerouslyAcceptAnyToken: true },
    );
    await spying.answer(plainRequest('GET', 'http://bron.test/things-api/v1/things/7'));
    await spying.answer(plainRequest('GET', 'http://bron.test/things-api/v1/things/school?orgMasterId=104A158'));
    expect(seen).toHaveLength(2);
    for (const value of seen) expect(Object.isFrozen(value)).toBe(true);
  });
});

describe('createBron answers at once when every step did', () => {
  const handlers = {
    getThing: ({ path }: { path?: Record<string, string> }) => {
      if (path!.id === 'bug') throw new Error('a bug in the handler');
      if (path!.id === 'gone') throw new BronError(404, 99, 'no such thing');
      return { id: path!.id };
    },
    listThings: async () => [{ id: '1' }],
    nameOfThing: () => 'a name',
    deleteThing: () => undefined,
    findThings: () => ({ note: 'n' }),
  };
  const now = (answered: unknown) => (answered !== null && typeof answered === 'object' && 'then' in answered ? 'later' : 'at once');
  const url = 'http://bron.test/things-api/v1/things/';
  const syncBron = createBron(api, handlers as never, { schools, authenticate: () => caller });
  const asyncBron = createBron(api, handlers as never, { schools, authenticate: async () => caller });
  const authorizeLater = createBron(api, handlers as never, { schools, authenticate: () => caller, authorize: async () => undefined });

  it('gives the answer itself, not a promise, for a synchronous token check, input and handler', () => {
    const answered = syncBron.answer(plainRequest('GET', `${url}7`));
    expect(now(answered)).toBe('at once');
    expect(decode((answered as { body: Uint8Array }).body)).toEqual({ id: '7' });
  });

  it('gives a refusal or a 500 thrown at once as an answer at once, never as a throw', () => {
    const errors: unknown[] = [];
    const reporting = createBron(api, handlers as never, { schools, authenticate: () => caller, onUnexpectedError: (error) => errors.push(error) });
    const refused = reporting.answer(plainRequest('GET', `${url}gone`)) as { status: number; body: Uint8Array };
    const bug = reporting.answer(plainRequest('GET', `${url}bug`)) as { status: number; body: Uint8Array };
    expect([now(refused), refused.status, decode(refused.body)]).toEqual(['at once', 404, { status: 99, statusMessage: 'no such thing' }]);
    expect([now(bug), bug.status]).toEqual(['at once', 500]);
    expect(errors).toHaveLength(1);
  });

  it('gives a promise when a step did: the token check, the school check or the handler, with the same answers', async () => {
    const viaAsyncToken = asyncBron.answer(plainRequest('GET', `${url}7`));
    const viaAsyncAuthorize = authorizeLater.answer(plainRequest('GET', 'http://bron.test/things-api/v1/things/school?orgMasterId=104A158'));
    const viaAsyncHandler = syncBron.answer(plainRequest('GET', 'http://bron.test/things-api/v1/things/school?orgMasterId=104A158'));
    expect([now(viaAsyncToken), now(viaAsyncAuthorize), now(viaAsyncHandler)]).toEqual(['later', 'later', 'later']);
    expect(decode((await viaAsyncToken)!.body)).toEqual({ id: '7' });
    expect(decode((await viaAsyncAuthorize)!.body)).toEqual([{ id: '1' }]);
    expect(decode((await viaAsyncHandler)!.body)).toEqual([{ id: '1' }]);
    const refusedLater = await asyncBron.answer(plainRequest('GET', `${url}gone`));
    expect([refusedLater!.status, decode(refusedLater!.body)]).toEqual([404, { status: 99, statusMessage: 'no such thing' }]);
  });
});

describe('requireBearerToken', () => {
  it('accepts any bearer token and refuses a request without one', () => {
    expect(requireBearerToken(plainRequest('GET', 'http://bron.test/'))).toEqual({ scopes: 'all' });
    expect(() => requireBearerToken(plainRequest('GET', 'http://bron.test/', undefined, {}))).toThrow(BronError);
    expect(() => requireBearerToken(plainRequest('GET', 'http://bron.test/', undefined, { authorization: 'Basic x' }))).toThrow(BronError);
  });
});

describe('toFetchRequest', () => {
  it('returns a Fetch Request as it is', () => {
    const request = new Request('http://bron.test/x');
    expect(toFetchRequest(request)).toBe(request);
  });

  it('builds one with headers and the body already read, but no body on GET or HEAD', async () => {
    const post = toFetchRequest(plainRequest('POST', 'http://bron.test/x', undefined, { 'x-a': '1' }), '{"a":1}');
    expect([post.method, post.url, post.headers.get('x-a'), await post.text()]).toEqual(['POST', 'http://bron.test/x', '1', '{"a":1}']);
    expect(await toFetchRequest(plainRequest('GET', 'http://bron.test/x'), 'ignored').text()).toBe('');
    expect(toFetchRequest(plainRequest('HEAD', 'http://bron.test/x'), 'ignored').body).toBeNull();
    expect(await toFetchRequest(plainRequest('POST', 'http://bron.test/x')).text()).toBe('');
  });

  it('drops a header value fetch refuses instead of failing', () => {
    const request = toFetchRequest(plainRequest('GET', 'http://bron.test/x', undefined, { 'x-bad': 'a\nb', 'x-good': 'ok' }));
    expect([request.headers.get('x-bad'), request.headers.get('x-good')]).toEqual([null, 'ok']);
  });
});

describe('answers', () => {
  it('jsonAnswer without a body has no bytes', () => {
    expect(jsonAnswer('1.0.0', 204, undefined).body).toBeUndefined();
  });

  it('answerOf keeps the headers and body of a Response', async () => {
    const answer = await answerOf(new Response('{"a":1}', { status: 201, headers: { 'x-a': '1', 'content-type': 'application/json' } }));
    expect(answer.status).toBe(201);
    expect(answer.headers).toMatchObject({ 'x-a': '1', 'content-type': 'application/json' });
    expect(decode(answer.body)).toEqual({ a: 1 });
    expect((await answerOf(new Response(null, { status: 204 }))).body).toBeUndefined();
  });
});
