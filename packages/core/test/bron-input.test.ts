import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { OperationDefinition } from '../src/registry';
import {
  BronError,
  bytesResponse,
  describeIssues,
  jsonResponse,
  MAX_BODY_BYTES,
  readOperationInput,
  releaseScopedAttributes,
  statusResponse,
} from '../src/server';

/** The input step of a bron (decision 004, step 4): query, path, body, then the school selection. */
const School = z.object({ organisationMasterIdentifier: z.string().optional() });
const search: OperationDefinition = {
  operationId: 'searchThings',
  method: 'POST',
  path: '/things/{kind}',
  summary: '',
  interaction: 'pull-sync',
  idempotent: true,
  scopes: [],
  attributeScopes: {},
  parameters: [],
  schoolSelection: 'body',
  query: z.object({ limit: z.enum(['1', '2']).optional(), tag: z.union([z.string(), z.array(z.string())]).optional() }),
  pathParams: z.object({ kind: z.enum(['a', 'b']) }),
  body: z.object({ school: School, filter: z.object({ ids: z.array(z.string()) }).optional() }),
  bodyRequired: true,
  requiredBodyFields: ['school'],
  businessCodes: [],
  successStatus: 200,
  responses: {},
};
const request = (body: string | undefined, { contentType = 'application/json', query = '' } = {}) =>
  new Request(`http://bron.test/things/a${query}`, {
    method: 'POST',
    ...(body === undefined ? {} : { body }),
    headers: contentType ? { 'content-type': contentType } : {},
  });

async function refusal(promise: Promise<unknown>): Promise<{ httpStatus: number; eduvStatus: number; statusMessage: string }> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(BronError);
  const { httpStatus, eduvStatus, statusMessage } = error as BronError;
  return { httpStatus, eduvStatus, statusMessage };
}
const schema = (statusMessage: string) => ({ httpStatus: 400, eduvStatus: 11, statusMessage: `Schema incorrect: ${statusMessage}` });

describe('readOperationInput', () => {
  it('reads query (repeated keys as arrays), path and body, and the school from the body', async () => {
    const input = await readOperationInput(search, request('{"school":{"organisationMasterIdentifier":"104A158"}}', { query: '?limit=2&tag=x&tag=y&tag=z' }), {
      kind: 'a',
    });
    expect(input).toEqual({
      query: { limit: '2', tag: ['x', 'y', 'z'] },
      path: { kind: 'a' },
      body: { school: { organisationMasterIdentifier: '104A158' } },
      selection: { orgMasterId: '104A158' },
    });
  });

  it.each([
    ['no body', undefined, {}, 'the request body is required'],
    ['a blank body', '  \n', {}, 'the request body is required'],
    ['text/plain', '{}', { contentType: 'text/plain' }, 'Content-Type must be application/json, not text/plain'],
    ['broken JSON', '{"school":', {}, 'request body is not valid JSON'],
    ['a missing field', '{}', {}, 'body field "school" is required'],
    ['a nested wrong type', '{"school":{},"filter":{"ids":["a",3]}}', {}, 'body field "filter.ids[1]" Invalid input: expected string, received number'],
    ['a body that is not an object', '[]', {}, 'body Invalid input: expected object, received array'],
  ])('refuses %s with 400 / 0011 naming it', async (_name, body, init, message) => {
    expect(await refusal(readOperationInput(search, request(body, init), { kind: 'a' }))).toEqual(schema(message));
  });

  it('accepts JSON media types with a suffix or parameters, and no content type at all (bytes)', async () => {
    for (const contentType of ['application/json; charset=utf-8', 'application/problem+json', 'APPLICATION/JSON']) {
      const input = await readOperationInput(search, request('{"school":{"organisationMasterIdentifier":"104A158"}}', { contentType }), { kind: 'a' });
      expect(input.body, contentType).toEqual({ school: { organisationMasterIdentifier: '104A158' } });
    }
    const untyped = new Request('http://bron.test/things/a', {
      method: 'POST',
      body: new TextEncoder().encode('{"school":{"organisationMasterIdentifier":"1"}}'),
    });
    expect((await readOperationInput(search, untyped, { kind: 'a' })).body).toEqual({ school: { organisationMasterIdentifier: '1' } });
    expect((await refusal(readOperationInput(search, request('{}', { contentType: 'text/application/json' }), { kind: 'a' }))).statusMessage).toMatch(
      /Content-Type must be/,
    );
  });

  it('refuses a body over the limit, and takes one at the limit', async () => {
    const padding = (size: number) => `{"school":{"organisationMasterIdentifier":"104A158"},"pad":"${'x'.repeat(size)}"}`;
    const exact = padding(MAX_BODY_BYTES - padding(0).length);
    expect(exact.length).toBe(MAX_BODY_BYTES);
    await expect(readOperationInput(search, request(exact), { kind: 'a' })).resolves.toBeDefined();
    expect(await refusal(readOperationInput(search, request(`${exact} `), { kind: 'a' }))).toEqual({
      httpStatus: 413,
      eduvStatus: 99,
      statusMessage: `request body is larger than ${MAX_BODY_BYTES} bytes`,
    });
  });

  it('checks query before path before body, and the school last', async () => {
    const everythingWrong = request('{', { query: '?limit=9' });
    expect((await refusal(readOperationInput(search, everythingWrong, { kind: 'c' }))).statusMessage).toMatch(/query parameter "limit"/);
    expect((await refusal(readOperationInput(search, request('{'), { kind: 'c' }))).statusMessage).toMatch(/path parameter "kind"/);
    expect(await refusal(readOperationInput(search, request('{"school":{}}'), { kind: 'a' }))).toMatchObject({ httpStatus: 400, eduvStatus: 11 });
  });

  it('leaves the body unread when the operation takes none, and an optional body may be empty', async () => {
    const { body: _body, ...withoutBody } = search;
    const noBody = { ...withoutBody, schoolSelection: 'none' as const };
    expect((await readOperationInput(noBody, request('garbage'), { kind: 'a' })).body).toBeUndefined();
    const optional = { ...search, bodyRequired: false, schoolSelection: 'none' as const, body: search.body!.optional() };
    expect(await readOperationInput(optional, request(''), { kind: 'b' })).toEqual({ query: {}, path: { kind: 'b' }, body: undefined, selection: undefined });
  });

  it('reads the school from the query for query operations', async () => {
    const { body: _body, ...withoutBody } = search;
    const byQuery = { ...withoutBody, method: 'GET' as const, schoolSelection: 'query' as const, query: z.object({ orgMasterId: z.string().optional() }) };
    const get = (query: string) => new Request(`http://bron.test/things/a${query}`);
    expect((await readOperationInput(byQuery, get('?orgMasterId=104A158'), { kind: 'a' })).selection).toEqual({ orgMasterId: '104A158' });
    expect(await refusal(readOperationInput(byQuery, get(''), { kind: 'a' }))).toMatchObject({ httpStatus: 400, eduvStatus: 11 });
  });
});

describe('readOperationInput on repeated requests (the query and path are kept per query string)', () => {
  const { body: _body, ...withoutBody } = search;
  const byQuery = {
    ...withoutBody,
    method: 'GET' as const,
    schoolSelection: 'query' as const,
    query: z.object({ orgMasterId: z.string().optional(), limit: z.enum(['1', '2']).optional() }),
  };
  const get = (query: string) => new Request(`http://bron.test/things/a${query}`);

  it('gives the same answer the second time, and still refuses a different query or path', async () => {
    const params = Object.freeze({ kind: 'a' });
    const first = await readOperationInput(byQuery, get('?orgMasterId=104A158&limit=1'), params);
    expect(await readOperationInput(byQuery, get('?orgMasterId=104A158&limit=1'), params)).toEqual(first);
    expect((await refusal(readOperationInput(byQuery, get('?orgMasterId=104A158&limit=9'), params))).statusMessage).toMatch(/query parameter "limit"/);
    expect((await refusal(readOperationInput(byQuery, get('?orgMasterId=104A158&limit=1'), Object.freeze({ kind: 'c' })))).statusMessage).toMatch(
      /path parameter "kind"/,
    );
    // A fragment is no query: `?limit=9` after `#` is not read, before it is.
    expect((await readOperationInput(byQuery, get('?orgMasterId=104A158#?limit=9'), params)).query).toEqual({ orgMasterId: '104A158' });
  });

  it('refuses an invalid query every time, not only the first', async () => {
    for (let round = 0; round < 2; round++) {
      expect((await refusal(readOperationInput(byQuery, get('?limit=9'), { kind: 'a' }))).statusMessage).toMatch(/query parameter "limit"/);
    }
  });

  it('keeps the check order for a known query: the body before the school from the query', async () => {
    const both = { ...search, schoolSelection: 'query' as const, query: byQuery.query, bodyRequired: true };
    const post = (body: string) => new Request('http://bron.test/things/a?limit=1', { method: 'POST', body, headers: { 'content-type': 'application/json' } });
    for (let round = 0; round < 2; round++) {
      // The query names no school (a selection refusal), but the malformed body is refused first.
      expect((await refusal(readOperationInput(both, post('{'), { kind: 'a' }))).statusMessage).toMatch(/not valid JSON/);
    }
    expect((await refusal(readOperationInput(both, post('{"school":{}}'), { kind: 'a' }))).statusMessage).toMatch(/orgMasterId|school/);
  });
});

describe('describeIssues', () => {
  it('names each field with its location, one issue after another', () => {
    const result = z.object({ a: z.string(), b: z.array(z.object({ c: z.number() })) }).safeParse({ b: [{ c: 'x' }] });
    expect(describeIssues('body field', result.error!.issues)).toBe(
      'body field "a" is required; body field "b[0].c" Invalid input: expected number, received string',
    );
    const top = z.string().safeParse(1);
    expect(describeIssues('query parameter', top.error!.issues)).toBe('query Invalid input: expected string, received number');
    expect(describeIssues('path parameter', top.error!.issues)).toBe('path Invalid input: expected string, received number');
  });
});

describe('responses and BronError', () => {
  it('sends JSON with API-Version, a StatusResponse for refusals, and no body when there is none', async () => {
    const response = jsonResponse('1.2.3', 201, { a: 1 }, { 'x-extra': 'y', 'content-type': 'text/plain' });
    expect([response.status, response.headers.get('content-type'), response.headers.get('api-version'), response.headers.get('x-extra')]).toEqual([
      201,
      'application/json; charset=utf-8',
      '1.2.3',
      'y',
    ]);
    expect(await response.json()).toEqual({ a: 1 });
    expect(await jsonResponse('1', 202, undefined).text()).toBe('');
    expect(await statusResponse('1', 403, 22, 'no').json()).toEqual({ status: 22, statusMessage: 'no' });
    const bytes = bytesResponse('4.5.6', 200, new TextEncoder().encode('[1]'));
    expect([bytes.headers.get('content-type'), bytes.headers.get('api-version'), await bytes.text()]).toEqual([
      'application/json; charset=utf-8',
      '4.5.6',
      '[1]',
    ]);
  });

  it('builds each refusal with its HTTP status, Edu-V status and message', () => {
    const plain = (error: BronError) => ({
      httpStatus: error.httpStatus,
      eduvStatus: error.eduvStatus,
      statusMessage: error.statusMessage,
      name: error.name,
      message: error.message,
    });
    expect(plain(BronError.schema('x'))).toEqual({
      httpStatus: 400,
      eduvStatus: 11,
      statusMessage: 'Schema incorrect: x',
      name: 'BronError',
      message: 'Schema incorrect: x',
    });
    expect(plain(BronError.unauthenticated('y'))).toMatchObject({ httpStatus: 401, eduvStatus: 99, statusMessage: 'y' });
    expect(plain(BronError.scopeRequired(['a', 'b']))).toMatchObject({ httpStatus: 401, eduvStatus: 21, statusMessage: 'scope required: a b' });
    expect(plain(BronError.unknownSchool({ businessCodes: [] }))).toMatchObject({
      httpStatus: 400,
      eduvStatus: 23,
      statusMessage: 'edu_org_id unknown: the school in the request is not known here',
    });
    expect(plain(BronError.unknownSchool({ businessCodes: [] }, 'z'))).toMatchObject({ statusMessage: 'edu_org_id unknown: z' });
    const schoolCode = { status: 2001, httpStatus: 400, message: 'School unknown', trigger: { in: 'school', name: 'orgMasterId' } } as const;
    expect(plain(BronError.unknownSchool({ businessCodes: [schoolCode] }, 'z'))).toMatchObject({
      httpStatus: 400,
      eduvStatus: 2001,
      statusMessage: 'School unknown: z',
    });
    expect(plain(BronError.consentRequired())).toMatchObject({
      httpStatus: 403,
      eduvStatus: 22,
      statusMessage: 'consent required: the school has not activated this exchange for this client',
    });
    expect(plain(BronError.notFound(2002, 'gone'))).toMatchObject({ httpStatus: 404, eduvStatus: 2002, statusMessage: 'gone' });
    expect(plain(BronError.notProvider('Afnemer'))).toMatchObject({
      httpStatus: 405,
      eduvStatus: 99,
      statusMessage: 'Method Not Allowed - Afnemer is provider of this endpoint',
    });
    expect(plain(BronError.business(2003, 'b'))).toMatchObject({ httpStatus: 400, eduvStatus: 2003, statusMessage: 'b' });
    expect(plain(BronError.business(2003, 'b', 409))).toMatchObject({ httpStatus: 409 });
  });
});

describe('releaseScopedAttributes', () => {
  it('removes unreleased attributes from an object or each object of a list, and leaves the rest alone', () => {
    const scopes = { secret: 's.secret', mail: 's.mail' };
    const thing = { id: 1, secret: 'x', mail: 'm' };
    expect(releaseScopedAttributes(thing, scopes, new Set(['s.mail']))).toEqual({ id: 1, mail: 'm' });
    expect(releaseScopedAttributes([thing, null, 'x', [thing]], scopes, new Set())).toEqual([{ id: 1 }, null, 'x', [thing]]);
    expect(releaseScopedAttributes(thing, scopes, new Set(['s.mail', 's.secret']))).toBe(thing);
    expect(releaseScopedAttributes(thing, scopes, 'all')).toBe(thing);
    expect(thing).toEqual({ id: 1, secret: 'x', mail: 'm' });
  });
});
