import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { staticToken, type TokenProvider } from '../src/auth';
import { createApiClient, type ApiClientOptions } from '../src/client';
import { EduvApiError, EduvConfigError, EduvNetworkError, EduvTimeoutError, EduvValidationError } from '../src/errors';
import type { Logger } from '../src/logger';
import { defineApi } from '../src/registry';
import { operation } from './support/typed-api';

const BASE_URL = 'https://bron.example/students-api/v1';
const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZm5lbWVyIn0.c2lnbmF0dXJl';

const studentList = z.array(z.object({ studentId: z.string(), familyName: z.string() }));
const statusResponse = z.object({ status: z.number(), statusMessage: z.string().optional() });

const registry = defineApi({
  api: 'students-api',
  title: 'Students API',
  version: '1.0.2',
  major: 1,
  basePath: '/students-api/v1',
  roles: { implementing: 'bron', calling: ['afnemer'] },
  consentRequired: true,
  scopes: ['eduv.student'],
  operations: {
    getStudents: operation({
      operationId: 'getStudents',
      path: '/students/school',
      schoolSelection: 'query',
      responses: { 200: studentList, 400: statusResponse, 401: statusResponse },
    }),
    getStudent: operation({
      operationId: 'getStudent',
      path: '/students/school/{id}',
      responses: { 200: studentList.element },
    }),
    searchStudents: operation({
      operationId: 'searchStudents',
      method: 'POST',
      path: '/students/search',
      scopes: ['eduv.student', 'eduv.student.demographics'],
      responses: { 200: studentList },
    }),
    postResult: operation({
      operationId: 'postResult',
      method: 'POST',
      path: '/results',
      idempotent: false,
      interaction: 'push-sync',
      successStatus: 201,
      responses: { 201: undefined },
    }),
  },
});

type Responder = (request: Request) => Response | Promise<Response>;

function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', 'API-Version': '1.0.2', ...headers },
  });
}

const ok: Responder = () => json([{ studentId: 's1', familyName: 'Jansen' }]);

/** Never answers; rejects like fetch does when the request's signal aborts. */
const hang: Responder = (request) =>
  new Promise((_resolve, reject) => {
    request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true });
  });

/** A fake fetch answering with the responders in turn (the last one repeats). */
function fakeFetch(...responders: Responder[]) {
  const requests: Request[] = [];
  const bodies: string[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL) => {
    const request = input as Request;
    requests.push(request);
    bodies.push(await request.clone().text());
    const responder = responders[Math.min(requests.length, responders.length) - 1]!;
    return responder(request);
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, requests, bodies };
}

function setup(responders: Responder[], options: Partial<ApiClientOptions> = {}) {
  const server = fakeFetch(...responders);
  const sleep = vi.fn((_ms: number, _signal?: AbortSignal) => Promise.resolve());
  const client = createApiClient(registry, {
    baseUrl: BASE_URL,
    tokenProvider: staticToken(TOKEN),
    fetch: server.fetch,
    validation: 'strict',
    ...options,
    retry: options.retry === false ? false : { sleep, random: () => 0.5, ...options.retry },
  });
  return { client, server, sleep };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

function rotatingTokens(...tokens: string[]): TokenProvider & { requests: unknown[]; invalidated: string[] } {
  const requests: unknown[] = [];
  const invalidated: string[] = [];
  let index = 0;
  return {
    requests,
    invalidated,
    getToken: (request) => {
      requests.push(request);
      return Promise.resolve(tokens[Math.min(index, tokens.length - 1)]!);
    },
    invalidate: (token) => {
      invalidated.push(token);
      index += 1;
    },
  };
}

describe('createApiClient: requests', () => {
  it('sends bearer token, Accept and the query, and exposes data, status and API-Version', async () => {
    const tokens = rotatingTokens('token-1');
    const { client, server } = setup([ok], { tokenProvider: tokens, headers: { 'X-Client': 'test' } });
    const response = await client.call('getStudents', {
      query: { orgId: '09QQ00', orgIdType: 'OIE_CODE', filterByOrgId: true },
    });
    expect(response.data).toMatchObject([{ familyName: 'Jansen' }]);
    expect(response.httpStatus).toBe(200);
    expect(response.apiVersion).toBe('1.0.2');
    expect(response.headers.get('content-type')).toBe('application/json');

    const request = server.requests[0]!;
    expect(request.method).toBe('GET');
    expect(request.url).toBe(`${BASE_URL}/students/school?orgId=09QQ00&orgIdType=OIE_CODE&filterByOrgId=true`);
    expect(request.headers.get('Authorization')).toBe('Bearer token-1');
    expect(request.headers.get('Accept')).toBe('application/json');
    expect(request.headers.get('X-Client')).toBe('test');
    expect(tokens.requests).toEqual([{ scopes: ['eduv.student'], signal: expect.any(AbortSignal) }]);
  });

  it('asks the token provider for the operation scopes and sends JSON bodies', async () => {
    const tokens = rotatingTokens('token-1');
    const { client, server } = setup([ok], { tokenProvider: tokens });
    await client.call('searchStudents', { body: { school: { organisationMasterIdentifier: '104A158' } } });
    expect(tokens.requests).toMatchObject([{ scopes: ['eduv.student', 'eduv.student.demographics'] }]);
    expect(server.requests[0]?.headers.get('Content-Type')).toBe('application/json');
    expect(JSON.parse(server.bodies[0]!)).toEqual({ school: { organisationMasterIdentifier: '104A158' } });
  });

  it('fills and encodes path parameters', async () => {
    const { client, server } = setup([() => json({ studentId: 'a/b', familyName: 'X' })]);
    await client.call('getStudent', { path: { id: 'a/b c' } });
    expect(server.requests[0]?.url).toBe(`${BASE_URL}/students/school/a%2Fb%20c`);
  });

  it('sends no Authorization header without a token provider', async () => {
    const { client, server } = setup([ok], { tokenProvider: undefined });
    await client.call('getStudents');
    expect(server.requests[0]?.headers.has('Authorization')).toBe(false);
  });

  it('returns undefined data for an empty 201', async () => {
    const { client } = setup([() => new Response(null, { status: 201, headers: { 'API-Version': '1.0.2' } })]);
    const response = await client.call('postResult', { body: { result: 1 } });
    expect(response).toMatchObject({ data: undefined, httpStatus: 201, apiVersion: '1.0.2' });
  });

  it('has apiVersion undefined when the header is missing', async () => {
    const { client } = setup([() => new Response('[]', { status: 200 })]);
    expect((await client.call('getStudents')).apiVersion).toBeUndefined();
  });
});

describe('createApiClient: configuration errors', () => {
  it('rejects a bad base URL, validation mode or timeout', () => {
    expect(() => createApiClient(registry, { baseUrl: 'bron.example' })).toThrow(EduvConfigError);
    expect(() => createApiClient(registry, { baseUrl: 'ftp://bron.example' })).toThrow(EduvConfigError);
    expect(() => createApiClient(registry, { baseUrl: `${BASE_URL}?x=1` })).toThrow(EduvConfigError);
    expect(() => createApiClient(registry, { baseUrl: BASE_URL, timeoutMs: 0 })).toThrow(EduvConfigError);
    expect(() => createApiClient(registry, { baseUrl: BASE_URL, validation: 'loud' as never })).toThrow(EduvConfigError);
  });

  it('rejects an unknown operation and a missing path parameter without calling fetch', async () => {
    const { client, server } = setup([ok]);
    await expect(client.call('nope' as never)).rejects.toThrow(EduvConfigError);
    await expect(client.call('getStudent')).rejects.toThrow('getStudent needs path parameter "id"');
    expect(server.requests).toHaveLength(0);
  });
});

describe('createApiClient: errors', () => {
  it('throws EduvApiError carrying the Edu-V status', async () => {
    const { client } = setup([() => json({ status: 21, statusMessage: 'scope required' }, 401, { 'API-Version': '1.0.1' })]);
    const error = (await rejection(client.call('getStudents', { query: { orgMasterId: '104A158' } }))) as EduvApiError;
    expect(error).toBeInstanceOf(EduvApiError);
    expect(error).toMatchObject({
      code: 'EDUV_API_ERROR',
      httpStatus: 401,
      eduvStatus: 21,
      eduvStatusCode: '0021',
      statusMessage: 'scope required',
      apiVersion: '1.0.1',
      operationId: 'getStudents',
      method: 'GET',
      url: `${BASE_URL}/students/school`,
    });
    expect(error.message).not.toContain('orgMasterId');
  });

  it('accepts the zero-padded string wire form', async () => {
    const { client } = setup([() => json({ status: '0023', statusMessage: 'edu_org_id unknown' }, 400)]);
    const error = (await rejection(client.call('getStudents'))) as EduvApiError;
    expect(error.eduvStatus).toBe(23);
    expect(error.eduvStatusCode).toBe('0023');
  });

  it('tolerates a non-JSON error body', async () => {
    const { client } = setup([() => new Response('<html>Bad Gateway</html>', { status: 502 })], { retry: false });
    const error = (await rejection(client.call('getStudents'))) as EduvApiError;
    expect(error.httpStatus).toBe(502);
    expect(error.eduvStatus).toBeUndefined();
    expect(error.body).toBe('<html>Bad Gateway</html>');
  });

  it('never puts the token or the request body in error messages', async () => {
    const secretBody = { school: { organisationMasterIdentifier: '104A158' }, note: 'private-body-value' };
    const { client } = setup([() => json({ status: 11, statusMessage: 'Schema incorrect' }, 400)]);
    const apiError = (await rejection(client.call('searchStudents', { body: secretBody }))) as Error;

    const network = setup([() => Promise.reject(new TypeError('fetch failed'))], { retry: false });
    const networkError = (await rejection(network.client.call('postResult', { body: secretBody }))) as Error;

    for (const error of [apiError, networkError]) {
      const text = `${error.message}\n${error.stack ?? ''}\n${JSON.stringify(error)}`;
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain('eyJ');
      expect(text).not.toContain('private-body-value');
      expect(text).not.toContain('Authorization');
    }
    expect(networkError).toBeInstanceOf(EduvNetworkError);
  });
});

describe('createApiClient: retries', () => {
  it('retries a 503 after Retry-After, then succeeds', async () => {
    const { client, server, sleep } = setup([() => json({ status: 99, statusMessage: 'busy' }, 503, { 'Retry-After': '2' }), ok]);
    const response = await client.call('getStudents');
    expect(response.httpStatus).toBe(200);
    expect(server.requests).toHaveLength(2);
    expect(sleep).toHaveBeenCalledTimes(1);
    expect(sleep.mock.calls[0]?.[0]).toBe(2000);
  });

  it('backs off exponentially and gives up after the configured retries', async () => {
    const { client, server, sleep } = setup([() => json({ status: 99 }, 503)]);
    const error = (await rejection(client.call('getStudents'))) as EduvApiError;
    expect(error.httpStatus).toBe(503);
    expect(server.requests).toHaveLength(4);
    expect(sleep.mock.calls.map((call) => call[0])).toEqual([125, 250, 500]);
  });

  it('gives up at once when Retry-After is longer than maxRetryAfterMs', async () => {
    const { client, server, sleep } = setup([() => json({ status: 99 }, 429, { 'Retry-After': '120' })]);
    await expect(client.call('getStudents')).rejects.toBeInstanceOf(EduvApiError);
    expect(server.requests).toHaveLength(1);
    expect(sleep).not.toHaveBeenCalled();
  });

  it('retries an idempotent POST (a search)', async () => {
    const { client, server } = setup([() => json({ status: 99 }, 502), ok]);
    await client.call('searchStudents', { body: { school: { organisationMasterIdentifier: '104A158' } } });
    expect(server.requests).toHaveLength(2);
    expect(server.bodies[1]).toBe(server.bodies[0]);
  });

  it('never retries a non-idempotent POST', async () => {
    const { client, server } = setup([() => json({ status: 99 }, 503, { 'Retry-After': '1' }), ok]);
    const error = (await rejection(client.call('postResult', { body: { result: 1 } }))) as EduvApiError;
    expect(error.httpStatus).toBe(503);
    expect(server.requests).toHaveLength(1);
  });

  it('does not retry statuses outside retryOnStatus', async () => {
    const { client, server } = setup([() => json({ status: 11 }, 400), ok]);
    await expect(client.call('getStudents')).rejects.toBeInstanceOf(EduvApiError);
    expect(server.requests).toHaveLength(1);
  });

  it('retry: false turns retries off', async () => {
    const { client, server } = setup([() => json({ status: 99 }, 503), ok], { retry: false });
    await expect(client.call('getStudents')).rejects.toBeInstanceOf(EduvApiError);
    expect(server.requests).toHaveLength(1);
  });

  it('retries network errors of idempotent operations only', async () => {
    const failing: Responder = () => Promise.reject(new TypeError('fetch failed'));
    const get = setup([failing, ok]);
    expect((await get.client.call('getStudents')).httpStatus).toBe(200);
    expect(get.server.requests).toHaveLength(2);

    const post = setup([failing, ok]);
    const error = await rejection(post.client.call('postResult', { body: {} }));
    expect(error).toBeInstanceOf(EduvNetworkError);
    expect((error as EduvNetworkError).cause).toBeInstanceOf(TypeError);
    expect(post.server.requests).toHaveLength(1);
  });
});

describe('createApiClient: 401 and token refresh', () => {
  it('invalidates the token and retries once with a fresh one, even for a POST', async () => {
    const tokens = rotatingTokens('stale-token', 'fresh-token');
    const { client, server } = setup([() => json({ status: 21 }, 401), () => new Response(null, { status: 201 })], {
      tokenProvider: tokens,
    });
    const response = await client.call('postResult', { body: { result: 1 } });
    expect(response.httpStatus).toBe(201);
    expect(tokens.invalidated).toEqual(['stale-token']);
    expect(server.requests.map((request) => request.headers.get('Authorization'))).toEqual(['Bearer stale-token', 'Bearer fresh-token']);
  });

  it('retries only once', async () => {
    const tokens = rotatingTokens('a', 'b', 'c');
    const { client, server } = setup([() => json({ status: 21, statusMessage: 'scope required' }, 401)], {
      tokenProvider: tokens,
    });
    const error = (await rejection(client.call('getStudents'))) as EduvApiError;
    expect(error.eduvStatusCode).toBe('0021');
    expect(tokens.invalidated).toEqual(['a']);
    expect(server.requests).toHaveLength(2);
  });

  it('does not retry a 401 when the provider cannot invalidate', async () => {
    const { client, server } = setup([() => json({ status: 21 }, 401), ok]);
    await expect(client.call('getStudents')).rejects.toBeInstanceOf(EduvApiError);
    expect(server.requests).toHaveLength(1);
  });
});

describe('createApiClient: validation', () => {
  const twoBadStudents = () => json([{ studentId: 's1', familyName: 'Jansen' }, { studentId: 2, familyName: 'de Vries' }, { studentId: 's3' }]);

  it('strict: throws EduvValidationError listing each issue with its path', async () => {
    const { client } = setup([twoBadStudents]);
    const error = (await rejection(client.call('getStudents'))) as EduvValidationError;
    expect(error).toBeInstanceOf(EduvValidationError);
    expect(error.issues.map((issue) => issue.path)).toEqual(['$[1].studentId', '$[2].familyName']);
    expect(error.message).toContain('(2 issues)');
    expect(error.message).toContain('$[1].studentId');
    expect(error.message).toContain('$[2].familyName');
    expect(error.httpStatus).toBe(200);
  });

  it('warn (the default): reports through onWarning and returns the data', async () => {
    const onWarning = vi.fn();
    const { client } = setup([twoBadStudents], { validation: undefined, onWarning });
    const response = await client.call('getStudents');
    expect(response.data).toHaveLength(3);
    expect(onWarning).toHaveBeenCalledTimes(1);
    expect(onWarning.mock.calls[0]?.[0]).toContain('$[2].familyName');
  });

  it('warn: without onWarning a given logger receives the warning', async () => {
    const logger = { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    const { client } = setup([twoBadStudents], { validation: 'warn', logger });
    await client.call('getStudents');
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('$[1].studentId'));
  });

  it('off: accepts anything', async () => {
    const onWarning = vi.fn();
    const { client } = setup([twoBadStudents], { validation: 'off', onWarning });
    await client.call('getStudents');
    expect(onWarning).not.toHaveBeenCalled();
  });

  it('strict: a 2xx body that is not JSON is a validation error at $', async () => {
    const { client } = setup([() => new Response('<html>oops</html>', { status: 200 })]);
    const error = (await rejection(client.call('getStudents'))) as EduvValidationError;
    expect(error).toBeInstanceOf(EduvValidationError);
    expect(error.issues).toEqual([{ path: '$', message: 'response body is not valid JSON' }]);
  });
});

describe('createApiClient: timeouts and aborts', () => {
  it('aborts a request after timeoutMs with EduvTimeoutError', async () => {
    const { client, server } = setup([hang], { timeoutMs: 20, retry: false });
    const error = (await rejection(client.call('getStudents'))) as EduvTimeoutError;
    expect(error).toBeInstanceOf(EduvTimeoutError);
    expect(error.timeoutMs).toBe(20);
    expect(server.requests[0]?.signal.aborted).toBe(true);
  });

  it('retries an idempotent operation after a timeout, with a fresh timeout per attempt', async () => {
    const { client, server } = setup([hang, ok], { timeoutMs: 20 });
    expect((await client.call('getStudents')).httpStatus).toBe(200);
    expect(server.requests).toHaveLength(2);
  });

  it('the per-call timeout overrides the client timeout', async () => {
    const { client } = setup([hang], { timeoutMs: 60_000, retry: false });
    await expect(client.call('getStudents', { timeoutMs: 10 })).rejects.toBeInstanceOf(EduvTimeoutError);
  });

  it('never retries a caller abort and rethrows the caller reason', async () => {
    const controller = new AbortController();
    const reason = new Error('user navigated away');
    const { client, server, sleep } = setup([
      (request) => {
        setTimeout(() => controller.abort(reason), 5);
        return hang(request);
      },
      ok,
    ]);
    const error = await rejection(client.call('getStudents', { signal: controller.signal }));
    expect(error).toBe(reason);
    expect(server.requests).toHaveLength(1);
    expect(sleep).not.toHaveBeenCalled();
  });

  it('does not call fetch when the signal is already aborted', async () => {
    const { client, server } = setup([ok]);
    const error = await rejection(client.call('getStudents', { signal: AbortSignal.abort() }));
    expect((error as DOMException).name).toBe('AbortError');
    expect(server.requests).toHaveLength(0);
  });

  it('stops waiting between retries when the caller aborts', async () => {
    const controller = new AbortController();
    const server = fakeFetch(() => {
      setTimeout(() => controller.abort(), 5);
      return json({ status: 99 }, 503, { 'Retry-After': '30' });
    }, ok);
    const client = createApiClient(registry, { baseUrl: BASE_URL, fetch: server.fetch });
    const started = Date.now();
    const error = await rejection(client.call('getStudents', { signal: controller.signal }));
    expect((error as DOMException).name).toBe('AbortError');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(server.requests).toHaveLength(1);
  });
});

describe('createApiClient: logging', () => {
  it('logs retries without revealing the token', async () => {
    const lines: string[] = [];
    const record = (message: string, details?: unknown) => void lines.push(message + JSON.stringify(details ?? {}));
    const logger: Logger = { debug: record, info: record, warn: record, error: record };
    const tokens = rotatingTokens(TOKEN, `${TOKEN}x`);
    const { client } = setup([() => json({ status: 21, statusMessage: `token ${TOKEN} rejected` }, 401), () => json({ status: 99 }, 503), ok], {
      tokenProvider: tokens,
      logger,
    });
    await client.call('getStudents');
    expect(lines.some((line) => line.includes('retry 1 of 3'))).toBe(true);
    expect(lines.join('\n')).not.toContain('eyJ');
  });
});
