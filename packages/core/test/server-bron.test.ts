import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EduvConfigError } from '../src/errors';
import { defineApi } from '../src/registry';
import { BronError, createBron, createRouteMatcher, isThenable, releaseScopedAttributes } from '../src/server';

const Thing = z.object({ id: z.string(), name: z.string(), secret: z.string().optional() });
const StatusResponse = z.object({ status: z.int(), statusMessage: z.string().optional() });

const api = defineApi({
  api: 'things-api',
  title: 'Things',
  version: '2.3.4',
  major: 2,
  basePath: '/things-api/v2',
  roles: { implementing: 'Bron', calling: ['Afnemer'] },
  consentRequired: true,
  scopes: ['things.basic', 'things.secret'],
  operations: {
    listThings: {
      operationId: 'listThings',
      method: 'GET',
      path: '/things/school',
      summary: '',
      interaction: 'pull-sync',
      idempotent: true,
      scopes: ['things.basic'],
      attributeScopes: { secret: 'things.secret' },
      parameters: [],
      schoolSelection: 'query',
      query: z.object({
        orgMasterId: z.string().optional(),
        orgId: z.string().optional(),
        orgIdType: z.enum(['OIE_CODE', 'V_ID']).optional(),
        limit: z.string().regex(/^\d+$/).optional(),
      }),
      bodyRequired: false,
      requiredBodyFields: [],
      businessCodes: [],
      successStatus: 200,
      responses: { 200: z.array(Thing), 400: StatusResponse },
    },
    getThing: {
      operationId: 'getThing',
      method: 'GET',
      path: '/things/{id}',
      summary: '',
      interaction: 'pull-sync',
      idempotent: true,
      scopes: ['things.basic'],
      attributeScopes: {},
      parameters: [],
      schoolSelection: 'none',
      pathParams: z.object({ id: z.string().min(3) }),
      bodyRequired: false,
      requiredBodyFields: [],
      businessCodes: [],
      successStatus: 200,
      responses: { 200: Thing },
    },
  },
});

const schools = [{ orgMasterId: '104A158', name: 'De Regenboog', sector: 'po' as const, ids: [{ id: '09QQ00', type: 'V_ID' as const, unit: 'Noord' }] }];

function bron(overrides: Parameters<typeof createBron<typeof api>>[2] = {}) {
  return createBron(
    api,
    {
      listThings: ({ school }) => [{ id: '1', name: `thing of ${school.school.name}${school.unit ? ` ${school.unit}` : ''}`, secret: 's' }],
      getThing: ({ path }) => {
        if (path.id === 'missing') throw BronError.notFound(2099, 'thing unknown');
        return { id: path.id, name: 'x' };
      },
    },
    { schools, dangerouslyAcceptAnyToken: true, ...overrides },
  );
}

const call = async (target: ReturnType<typeof bron>, path: string, init: RequestInit = {}) => {
  const response = await target.handle(new Request(`http://bron.test${path}`, { headers: { authorization: 'Bearer t' }, ...init }));
  return { response: response!, body: response ? ((await response.json()) as Record<string, unknown>) : undefined };
};

describe('createBron', () => {
  it('answers a valid request with the handler body and API-Version', async () => {
    const { response, body } = await call(bron(), '/things-api/v2/things/school?orgMasterId=104A158');
    expect(response.status).toBe(200);
    expect(response.headers.get('api-version')).toBe('2.3.4');
    expect(body).toEqual([{ id: '1', name: 'thing of De Regenboog', secret: 's' }]);
  });

  it('leaves requests outside its base path to others', async () => {
    expect(await bron().handle(new Request('http://bron.test/other-api/v1/x'))).toBeUndefined();
  });

  it('resolves a unit-level school id with the po default filterByOrgId=true', async () => {
    const { body } = await call(bron(), '/things-api/v2/things/school?orgId=09QQ00&orgIdType=V_ID');
    expect(body).toEqual([expect.objectContaining({ name: 'thing of De Regenboog Noord' })]);
  });

  it.each([
    ['/things-api/v2/things/school?orgMasterId=104A158&limit=ten', 400, 11, 'query parameter "limit"'],
    ['/things-api/v2/things/school?orgIdType=V_ID', 400, 11, 'orgId'],
    ['/things-api/v2/things/school?orgMasterId=999X999', 400, 23, 'edu_org_id unknown'],
    ['/things-api/v2/things/ab', 400, 11, 'path parameter "id"'],
    ['/things-api/v2/things/%E0%A4%A', 400, 11, 'path parameter "id" is not valid percent-encoding'],
    ['/things-api/v2/things/missing', 404, 2099, 'thing unknown'],
    ['/things-api/v2/nothing', 404, 99, 'no endpoint'],
  ])('%s → %i / %i', async (path, httpStatus, status, message) => {
    const { response, body } = await call(bron(), path);
    expect(response.status).toBe(httpStatus);
    expect(body).toMatchObject({ status, statusMessage: expect.stringContaining(message) });
  });

  it('refuses a missing token with 401 and a wrong method with 405 + Allow', async () => {
    const unauthenticated = await bron().handle(new Request('http://bron.test/things-api/v2/things/school?orgMasterId=104A158'));
    expect(unauthenticated!.status).toBe(401);
    const { response } = await call(bron(), '/things-api/v2/things/school', { method: 'POST', body: '{}' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET');
  });

  it('checks scopes (401 / 0021), strips attributes a scope does not release, and asks authorize about consent', async () => {
    const scoped = (scopes: string[]) => bron({ authenticate: () => ({ clientId: 'c', scopes: new Set(scopes) }) });
    const noScope = await call(scoped([]), '/things-api/v2/things/school?orgMasterId=104A158');
    expect(noScope.response.status).toBe(401);
    expect(noScope.body).toMatchObject({ status: 21, statusMessage: expect.stringContaining('things.basic') });
    const basic = await call(scoped(['things.basic']), '/things-api/v2/things/school?orgMasterId=104A158');
    expect(basic.body).toEqual([{ id: '1', name: 'thing of De Regenboog' }]);
    const denied = bron({
      authorize: () => {
        throw BronError.consentRequired();
      },
    });
    const refused = await call(denied, '/things-api/v2/things/school?orgMasterId=104A158');
    expect(refused.response.status).toBe(403);
    expect(refused.body).toMatchObject({ status: 22 });
  });

  it('names only the scopes the token lacks', async () => {
    const both = { ...api, operations: { ...api.operations, listThings: { ...api.operations.listThings, scopes: ['things.basic', 'things.secret'] } } };
    const target = createBron(
      both,
      { listThings: () => [], getThing: () => ({ id: 'x', name: 'x' }) },
      { schools, authenticate: () => ({ clientId: 'c', scopes: new Set(['things.basic']) }) },
    );
    const { response, body } = await call(target, '/things-api/v2/things/school?orgMasterId=104A158');
    expect(response.status).toBe(401);
    expect(body?.statusMessage).toContain('things.secret');
    expect(body?.statusMessage).not.toContain('things.basic');
  });

  it('awaits an authenticate, authorize and handler that answer later, and refuses when one rejects', async () => {
    const later = <T>(value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), 5));
    const slow = createBron(
      api,
      { listThings: () => later([{ id: '1', name: 'later' }]), getThing: () => later({ id: 'x', name: 'x' }) },
      {
        schools,
        authenticate: () => later({ clientId: 'c', scopes: new Set(['things.basic']) }),
        authorize: () => later(undefined),
      },
    );
    expect((await call(slow, '/things-api/v2/things/school?orgMasterId=104A158')).body).toEqual([{ id: '1', name: 'later' }]);
    const refusing = bron({ authorize: () => later(undefined).then(() => Promise.reject(BronError.consentRequired())) });
    const refused = await call(refusing, '/things-api/v2/things/school?orgMasterId=104A158');
    expect(refused.response.status).toBe(403);
    expect(refused.body).toMatchObject({ status: 22 });
  });

  it('tells a thenable (object or function with a then method) from a value', () => {
    const thenableFunction: unknown = Object.assign(() => undefined, { then: (resolve: (value: number) => void) => resolve(1) });
    for (const value of [Promise.resolve(1), { then: () => undefined }, thenableFunction] as unknown[]) expect(isThenable(value)).toBe(true);
    for (const value of [null, undefined, 0, 'then', { then: 1 }, () => undefined, new Set()] as unknown[]) expect(isThenable(value)).toBe(false);
  });

  it('turns a handler bug or an invalid handler body into 500 / 0099 and reports it', async () => {
    const errors: unknown[] = [];
    const broken = createBron(
      api,
      {
        listThings: () => [{ id: 1 }] as never,
        getThing: () => {
          throw new Error('boom');
        },
      },
      { schools, dangerouslyAcceptAnyToken: true, onUnexpectedError: (error) => errors.push(error) },
    );
    expect((await call(broken, '/things-api/v2/things/school?orgMasterId=104A158')).response.status).toBe(500);
    expect((await call(broken, '/things-api/v2/things/abc')).body).toMatchObject({ status: 99 });
    expect(errors).toHaveLength(2);
  });

  it('still answers 500 / 0099 when the onUnexpectedError hook itself throws', async () => {
    const broken = createBron(
      api,
      {
        listThings: () => {
          throw new Error('boom');
        },
        getThing: () => ({}) as never,
      },
      {
        schools,
        dangerouslyAcceptAnyToken: true,
        onUnexpectedError: () => {
          throw new Error('the hook broke');
        },
      },
    );
    const answered = await call(broken, '/things-api/v2/things/school?orgMasterId=104A158');
    expect(answered.response.status).toBe(500);
    expect(answered.body).toMatchObject({ status: 99 });
  });
});

describe('route matcher and attribute scopes', () => {
  it('matches templates and decodes parameters', () => {
    const match = createRouteMatcher(api);
    expect(match('GET', '/things-api/v2/things/a%20b')).toMatchObject({ kind: 'operation', params: { id: 'a b' } });
    expect(match('PUT', '/things-api/v2/things/x')).toEqual({ kind: 'method-not-allowed', allowed: ['GET'] });
    expect(match('GET', '/things-api/v2/things/x/y')).toEqual({ kind: 'none' });
  });

  it('removes only attributes whose scope is not granted', () => {
    const body = [{ a: 1, b: 2, c: 3 }];
    expect(releaseScopedAttributes(body, { b: 's.b', c: 's.c' }, new Set(['s.c']))).toEqual([{ a: 1, c: 3 }]);
    expect(releaseScopedAttributes(body, { b: 's.b' }, 'all')).toBe(body);
  });
});

describe('createBron with cacheResponses', () => {
  it('validates a returned object once and serialises it once per scope set', async () => {
    let validations = 0;
    const counted = z.array(Thing).refine(() => {
      validations += 1;
      return true;
    });
    const cachedApi = { ...api, operations: { ...api.operations, listThings: { ...api.operations.listThings, responses: { 200: counted } } } };
    const list = [{ id: '1', name: 'x', secret: 's' }];
    let scopes = new Set(['things.basic']);
    const cached = createBron(
      cachedApi,
      { listThings: () => list, getThing: () => ({ id: 'a', name: 'b' }) },
      {
        schools,
        cacheResponses: true,
        authenticate: () => ({ clientId: 'c', scopes }),
      },
    );
    const path = '/things-api/v2/things/school?orgMasterId=104A158';
    expect((await call(cached, path)).body).toEqual([{ id: '1', name: 'x' }]);
    scopes = new Set(['things.basic', 'things.secret']);
    expect((await call(cached, path)).body).toEqual([{ id: '1', name: 'x', secret: 's' }]);
    scopes = new Set(['things.basic']);
    expect((await call(cached, path)).body).toEqual([{ id: '1', name: 'x' }]);
    expect(validations).toBe(1);
  });
});

describe('createAccessTokenVerifier', () => {
  it('remembers a verified token until it expires, and never a refused one', async () => {
    const { generateKeyPair, SignJWT, exportJWK, createLocalJWKSet } = await import('jose');
    const { createAccessTokenVerifier } = await import('../src/server');
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k', alg: 'RS256' };
    let now = new Date('2026-01-01T12:00:00Z');
    let lookups = 0;
    const keySet = createLocalJWKSet({ keys: [jwk] });
    const verify = createAccessTokenVerifier({
      issuer: 'https://as.test',
      keys: (header, token) => {
        lookups += 1;
        return keySet(header, token);
      },
      now: () => now,
      clockToleranceSeconds: 0,
    });
    const token = await new SignJWT({ client_id: 'c', scope: 'a b' })
      .setProtectedHeader({ alg: 'RS256', kid: 'k' })
      .setIssuer('https://as.test')
      .setIssuedAt(Math.floor(now.getTime() / 1000))
      .setExpirationTime(Math.floor(now.getTime() / 1000) + 60)
      .sign(privateKey);
    const request = () => new Request('http://bron.test/', { headers: { authorization: `Bearer ${token}` } });
    expect(await verify(request())).toEqual({ clientId: 'c', scopes: new Set(['a', 'b']) });
    await verify(request());
    expect(lookups).toBe(1);
    now = new Date('2026-01-01T12:02:00Z');
    await expect(verify(request())).rejects.toMatchObject({ httpStatus: 401, statusMessage: expect.stringContaining('expired') });
    const forged = `${token.slice(0, -4)}AAAA`;
    await expect(verify(new Request('http://bron.test/', { headers: { authorization: `Bearer ${forged}` } }))).rejects.toMatchObject({ httpStatus: 401 });
  });
});

describe('createBron with scope alternatives', () => {
  it('lets a token through that holds any one alternative, and names them all when it holds none', async () => {
    const alternativesApi = {
      ...api,
      operations: { ...api.operations, listThings: { ...api.operations.listThings, scopes: [], scopeAlternatives: [['a.read'], ['b.read', 'b.extra']] } },
    };
    let scopes = new Set(['b.read', 'b.extra']);
    const target = createBron(
      alternativesApi,
      { listThings: () => [], getThing: () => ({ id: 'x', name: 'y' }) },
      { schools, authenticate: () => ({ clientId: 'c', scopes }) },
    );
    const path = '/things-api/v2/things/school?orgMasterId=104A158';
    expect((await call(target, path)).response.status).toBe(200);
    scopes = new Set(['b.read']);
    const refused = await call(target, path);
    expect(refused.response.status).toBe(401);
    expect(refused.body).toMatchObject({ status: 21, statusMessage: 'scope required: one of a.read | b.read b.extra' });
  });
});

describe('createBron edges', () => {
  const path = '/things-api/v2/things/school?orgMasterId=104A158';

  it('passes a Response from a handler through, and answers an undefined result with an empty success', async () => {
    const raw = createBron(
      api,
      { listThings: () => new Response('raw', { status: 299 }) as never, getThing: () => undefined as never },
      { schools, dangerouslyAcceptAnyToken: true, validateResponses: false },
    );
    const passed = await raw.handle(new Request(`http://bron.test${path}`, { headers: { authorization: 'Bearer t' } }));
    expect([passed!.status, await passed!.text()]).toEqual([299, 'raw']);
    const empty = await raw.handle(new Request('http://bron.test/things-api/v2/things/abc', { headers: { authorization: 'Bearer t' } }));
    expect([empty!.status, await empty!.text(), empty!.headers.get('api-version')]).toEqual([200, '', '2.3.4']);
  });

  it('skips school and consent without a school directory, and takes a directory function', async () => {
    const seen: unknown[] = [];
    let authorized = 0;
    const handlers = { listThings: ({ school }: { school: unknown }) => (seen.push(school), []), getThing: () => ({ id: 'a', name: 'b' }) };
    const authorize = () => void (authorized += 1);
    await call(createBron(api, handlers, { authorize, dangerouslyAcceptAnyToken: true }), path);
    expect([seen, authorized]).toEqual([[undefined], 0]);
    const resolved = { school: schools[0]!, filterByOrgId: false };
    const directory = createBron(api, handlers, {
      authorize,
      dangerouslyAcceptAnyToken: true,
      schools: (selection: { orgMasterId?: string }) => (selection.orgMasterId === '104A158' ? resolved : undefined),
    } as never);
    expect((await call(directory, path)).response.status).toBe(200);
    expect(seen[1]).toBe(resolved);
    expect(authorized).toBe(1);
    expect((await call(directory, '/things-api/v2/things/school?orgMasterId=999X999')).body).toMatchObject({ status: 23 });
  });

  it('names the path and method in 404 and 405, and hides bugs behind a fixed 500 message', async () => {
    expect((await call(bron(), '/things-api/v2/nothing')).body).toEqual({ status: 99, statusMessage: 'no endpoint /things-api/v2/nothing in Things 2.3.4' });
    expect((await call(bron(), '/things-api/v2')).response.status).toBe(404);
    expect(await bron().handle(new Request('http://bron.test/things-api/v2x/things/school'))).toBeUndefined();
    const wrong = await call(bron(), '/things-api/v2/things/school', { method: 'PUT', body: '{}' });
    expect(wrong.body).toEqual({ status: 99, statusMessage: 'method PUT not allowed; use GET' });
    const broken = createBron(
      api,
      {
        listThings: () => {
          throw new Error('secret detail');
        },
        getThing: () => ({ id: 'a', name: 'b' }),
      },
      { schools, dangerouslyAcceptAnyToken: true },
    );
    const failed = await call(broken, path);
    expect([failed.response.status, failed.body]).toEqual([500, { status: 99, statusMessage: 'internal error in the bron' }]);
  });

  it('refuses to be created without authenticate unless told to accept any token, naming both options', () => {
    const handlers = { listThings: () => [], getThing: () => ({ id: 'a', name: 'b' }) };
    for (const options of [{}, { schools }, { dangerouslyAcceptAnyToken: false }]) {
      expect(() => createBron(api, handlers, options)).toThrow(EduvConfigError);
      expect(() => createBron(api, handlers, options)).toThrow(/needs `authenticate`.*`dangerouslyAcceptAnyToken: true`/);
    }
    expect(() => createBron(api, handlers, { authenticate: () => ({ scopes: 'all' }) })).not.toThrow();
  });

  it('refuses an Authorization header without a token when accepting any token', async () => {
    for (const authorization of ['Bearer', 'Bearer ', 'Basic abc']) {
      const response = await bron().handle(new Request(`http://bron.test${path}`, { headers: { authorization } }));
      expect(await response!.json()).toEqual({ status: 99, statusMessage: 'the request carries no bearer access token (Authorization: Bearer <token>)' });
    }
  });

  it('does not validate responses when told not to, and names the operation when it does', async () => {
    const invalid = { listThings: () => [{ id: 1 }] as never, getThing: () => ({ id: 'a', name: 'b' }) };
    expect((await call(createBron(api, invalid, { schools, dangerouslyAcceptAnyToken: true, validateResponses: false }), path)).body).toEqual([{ id: 1 }]);
    const errors: Error[] = [];
    await call(createBron(api, invalid, { schools, dangerouslyAcceptAnyToken: true, onUnexpectedError: (error) => errors.push(error as Error) }), path);
    expect(errors[0]!.message).toMatch(/^listThings handler returned a body that does not match the spec: /);
  });

  it('caches per object and per scope set regardless of order, and never caches primitives', async () => {
    let encoded = 0;
    const item = { id: '1', name: 'x', secret: 's' };
    const list = [item];
    const toJSON = () => ((encoded += 1), { id: '1', name: 'x' });
    Object.defineProperty(item, 'toJSON', { value: toJSON, enumerable: false });
    let scopes = new Set(['things.basic', 'things.secret']);
    const cached = createBron(
      api,
      { listThings: () => list, getThing: () => ({ id: 'a', name: 'b' }) },
      { schools, cacheResponses: true, authenticate: () => ({ clientId: 'c', scopes }) },
    );
    await call(cached, path);
    scopes = new Set(['things.secret', 'things.basic']);
    await call(cached, path);
    expect(encoded).toBe(1);
    scopes = new Set(['things.basic']);
    await call(cached, path);
    expect(encoded).toBe(1);
    const uncached = createBron(
      api,
      { listThings: () => list, getThing: () => ({ id: 'a', name: 'b' }) },
      { schools, authenticate: () => ({ clientId: 'c', scopes: new Set(['things.basic', 'things.secret']) }) },
    );
    await call(uncached, path);
    await call(uncached, path);
    expect(encoded).toBe(3);
  });
});
