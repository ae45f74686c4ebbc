import { inspect } from 'node:util';
import { EduvConfigError, type Logger } from '@eduvkit/core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  clearDiscoveryCache,
  createClientCredentialsTokenProvider,
  EduvAuthError,
  generateClientKeys,
  type ClientCredentialsOptions,
  type ClientCredentialsTokenProvider,
  type ClientKeys,
} from '../src/index';
import { startTokenServer, type TokenServer } from './support/token-server';

let rsKeys: ClientKeys;
let psKeys: ClientKeys;
let server: TokenServer;
let clock: number;
const now = () => new Date(clock);
const providers: ClientCredentialsTokenProvider[] = [];

beforeAll(async () => {
  [rsKeys, psKeys] = await Promise.all([generateClientKeys({ modulusLength: 2048 }), generateClientKeys({ algorithm: 'PS256', modulusLength: 2048 })]);
  server = await startTokenServer({
    now,
    clients: [
      { clientId: 'rs-client', publicJwk: rsKeys.publicJwk, algorithm: 'RS256' },
      { clientId: 'ps-client', publicJwk: psKeys.publicJwk, algorithm: 'PS256' },
    ],
  });
});
afterAll(() => server.close());

beforeEach(() => {
  clock = Date.now();
  clearDiscoveryCache();
  Object.assign(server, {
    tokenLifetimeSeconds: 3600,
    includeExpiresIn: true,
    opaqueTokens: false,
    delayMs: 0,
    override: undefined,
    discoveryRequests: 0,
    redirectTargetHits: 0,
  });
  server.tokenRequests.length = 0;
  server.rejections.length = 0;
  server.abortedScopes.length = 0;
});
afterEach(async () => {
  await Promise.all(providers.splice(0).map((provider) => provider.close()));
});

function provider(options: Partial<ClientCredentialsOptions> = {}): ClientCredentialsTokenProvider {
  const created = createClientCredentialsTokenProvider({
    clientId: 'rs-client',
    privateKey: rsKeys.privateKeyPem,
    keyId: rsKeys.keyId,
    ...(options.issuer === undefined ? { tokenEndpoint: server.tokenUrl } : {}),
    now,
    ...options,
  });
  providers.push(created);
  return created;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (reason: unknown) => reason,
  );
}

const SCOPES = ['eduv.student.basic'];

describe('createClientCredentialsTokenProvider', () => {
  it('obtains a token through discovery, with a verified client assertion', async () => {
    const tokens = provider({ issuer: server.issuer });
    const token = await tokens.getToken({ scopes: ['eduv.student.demographics', 'eduv.student.basic'] });

    expect(server.rejections).toEqual([]);
    expect(server.discoveryRequests).toBe(1);
    expect(server.tokenRequests).toHaveLength(1);
    const [request] = server.tokenRequests;
    expect(request?.scope).toBe('eduv.student.basic eduv.student.demographics');
    expect(request?.header).toEqual({ alg: 'RS256', kid: rsKeys.keyId, typ: 'JWT' });
    expect(request?.claims).toMatchObject({ iss: 'rs-client', sub: 'rs-client', aud: server.tokenUrl });
    expect(request?.accessToken).toBe(token);
    const claims = await server.verifyAccessToken(token);
    expect(claims).toMatchObject({ azp: 'rs-client', scope: 'eduv.student.basic eduv.student.demographics' });

    await tokens.getToken({ scopes: ['eduv.student.basic'] });
    expect(server.discoveryRequests).toBe(1);
    expect(server.tokenRequests).toHaveLength(2);
  });

  it('signs with PS256 when asked, and the server tells the algorithms apart', async () => {
    const token = await provider({ clientId: 'ps-client', privateKey: psKeys.privateJwk, keyId: undefined, algorithm: 'PS256' }).getToken({ scopes: SCOPES });
    expect(server.rejections).toEqual([]);
    expect(server.tokenRequests[0]?.header).toMatchObject({ alg: 'PS256', kid: psKeys.keyId });
    expect(await server.verifyAccessToken(token)).toMatchObject({ azp: 'ps-client' });

    const wrongAlgorithm = provider({ clientId: 'ps-client', privateKey: psKeys.privateKeyPem, keyId: psKeys.keyId });
    const error = await rejection(wrongAlgorithm.getToken({ scopes: SCOPES }));
    expect(error).toMatchObject({ code: 'EDUV_AUTH_ERROR', oauthError: 'invalid_client', httpStatus: 401 });
    expect(server.rejections[0]).toMatch(/alg/);
  });

  it('shares one token request among 50 concurrent callers', async () => {
    server.delayMs = 50;
    const tokens = provider();
    const results = await Promise.all(Array.from({ length: 50 }, () => tokens.getToken({ scopes: SCOPES })));
    expect(server.tokenRequests).toHaveLength(1);
    expect(new Set(results).size).toBe(1);
    expect(results[0]).toBe(server.tokenRequests[0]?.accessToken);
  });

  it('reuses a cached token and refreshes it within the skew of expiry', async () => {
    const tokens = provider({ refreshSkewSeconds: 60 });
    const first = await tokens.getToken({ scopes: SCOPES });
    clock += (3600 - 61) * 1000;
    expect(await tokens.getToken({ scopes: SCOPES })).toBe(first);
    expect(server.tokenRequests).toHaveLength(1);
    clock += 2000;
    const second = await tokens.getToken({ scopes: SCOPES });
    expect(second).not.toBe(first);
    expect(server.tokenRequests).toHaveLength(2);
    expect(await tokens.getToken({ scopes: SCOPES })).toBe(second);
    expect(server.tokenRequests).toHaveLength(2);
    expect(server.rejections).toEqual([]);
    expect(server.jtis.size).toBeGreaterThanOrEqual(2);
  });

  it('refreshes a token shorter-lived than twice the skew halfway, not on every call', async () => {
    server.tokenLifetimeSeconds = 60;
    const tokens = provider({ refreshSkewSeconds: 60 });
    const first = await tokens.getToken({ scopes: SCOPES });
    clock += 29_000;
    expect(await tokens.getToken({ scopes: SCOPES })).toBe(first);
    clock += 2_000;
    expect(await tokens.getToken({ scopes: SCOPES })).not.toBe(first);
    expect(server.tokenRequests).toHaveLength(2);
  });

  it('reads exp from a JWT access token when expires_in is missing, else assumes 300 s', async () => {
    server.includeExpiresIn = false;
    server.tokenLifetimeSeconds = 120;
    const tokens = provider({ refreshSkewSeconds: 60 });
    const jwt = await tokens.getToken({ scopes: SCOPES });
    clock += 59_000;
    expect(await tokens.getToken({ scopes: SCOPES })).toBe(jwt);
    clock += 2_000;
    expect(await tokens.getToken({ scopes: SCOPES })).not.toBe(jwt);
    expect(server.tokenRequests).toHaveLength(2);

    server.opaqueTokens = true;
    const opaque = await tokens.getToken({ scopes: ['eduv.student.contact'] });
    expect(opaque.split('.')).toHaveLength(1);
    clock += 239_000;
    expect(await tokens.getToken({ scopes: ['eduv.student.contact'] })).toBe(opaque);
    clock += 2_000;
    expect(await tokens.getToken({ scopes: ['eduv.student.contact'] })).not.toBe(opaque);
    expect(server.tokenRequests).toHaveLength(4);
  });

  it('keeps one token per scope set, whatever the order or duplicates', async () => {
    const tokens = provider();
    const basic = await tokens.getToken({ scopes: ['eduv.student.basic'] });
    const both = await tokens.getToken({ scopes: ['eduv.student.demographics', 'eduv.student.basic', 'eduv.student.basic'] });
    const none = await tokens.getToken({ scopes: [] });
    expect(new Set([basic, both, none]).size).toBe(3);
    expect(await tokens.getToken({ scopes: ['eduv.student.basic', 'eduv.student.demographics'] })).toBe(both);
    expect(await tokens.getToken({ scopes: ['eduv.student.basic'] })).toBe(basic);
    expect(server.tokenRequests.map((request) => request.scope)).toEqual(['eduv.student.basic', 'eduv.student.basic eduv.student.demographics', undefined]);
  });

  it('requests the configured scopes instead of each call’s when scopes is set', async () => {
    const tokens = provider({ scopes: ['consent', 'eduv.student.basic'] });
    const first = await tokens.getToken({ scopes: ['eduv.student.basic'] });
    expect(await tokens.getToken({ scopes: ['something.else'] })).toBe(first);
    expect(server.tokenRequests.map((request) => request.scope)).toEqual(['consent eduv.student.basic']);
  });

  it('drops an invalidated token and fetches a new one; unknown tokens change nothing', async () => {
    const tokens = provider();
    const first = await tokens.getToken({ scopes: SCOPES });
    tokens.invalidate('not-a-token-we-hold');
    expect(await tokens.getToken({ scopes: SCOPES })).toBe(first);
    expect(server.tokenRequests).toHaveLength(1);
    tokens.invalidate(first);
    const second = await tokens.getToken({ scopes: SCOPES });
    expect(second).not.toBe(first);
    expect(server.tokenRequests).toHaveLength(2);
  });

  it('logs each step with its scope set, or none, and the lifetime in seconds', async () => {
    const lines: string[] = [];
    const record = (level: string) => (message: string) => lines.push(`${level} ${message}`);
    const logger: Logger = { debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') };
    const tokens = provider({ logger });
    const scoped = await tokens.getToken({ scopes: SCOPES });
    const unscoped = await tokens.getToken({ scopes: [] });
    tokens.invalidate(scoped);
    tokens.invalidate(unscoped);
    expect(lines).toEqual([
      `debug requesting an access token from ${server.tokenUrl} for scope "eduv.student.basic"`,
      'info obtained an access token for scope "eduv.student.basic", valid for 3600 s',
      `debug requesting an access token from ${server.tokenUrl}`,
      'info obtained an access token, valid for 3600 s',
      'debug dropped the cached access token for scope "eduv.student.basic"',
      'debug dropped the cached access token',
    ]);
  });

  describe('errors', () => {
    it('turns invalid_client into EduvAuthError without leaking key, assertion or tokens anywhere', async () => {
      const lines: string[] = [];
      const capture =
        (level: string) =>
        (message: string, details?: unknown): void => {
          lines.push(`${level} ${message} ${details === undefined ? '' : JSON.stringify(details)}`);
        };
      const logger: Logger = { debug: capture('debug'), info: capture('info'), warn: capture('warn'), error: capture('error') };
      const tokens = provider({ logger });
      const issued = await tokens.getToken({ scopes: ['eduv.student.basic'] });

      // A careless server that echoes the assertion back in its description.
      server.override = (record) => ({
        status: 401,
        body: {
          error: 'invalid_client',
          error_description: `client authentication failed for client_assertion=${record.assertion} (${record.assertion})`,
        },
      });
      const error = await rejection(tokens.getToken({ scopes: ['eduv.student.demographics'] }));

      expect(error).toBeInstanceOf(EduvAuthError);
      const authError = error as EduvAuthError;
      expect(authError).toMatchObject({
        name: 'EduvAuthError',
        code: 'EDUV_AUTH_ERROR',
        kind: 'token_endpoint',
        httpStatus: 401,
        oauthError: 'invalid_client',
        url: server.tokenUrl,
      });
      expect(authError.oauthErrorDescription).toMatch(/^client authentication failed/);
      expect(authError.message).toMatch(/failed with HTTP 401: invalid_client \(client authentication failed/);

      const assertion = server.tokenRequests[1]?.assertion ?? '';
      const [, assertionClaims = '', assertionSignature = ''] = assertion.split('.');
      const keyBody = rsKeys.privateKeyPem.split('\n')[3] ?? '';
      const secrets = [rsKeys.privateKeyPem, keyBody, String(rsKeys.privateJwk.d), assertion, assertionClaims, assertionSignature, issued];
      expect(assertion.length).toBeGreaterThan(100);
      expect(keyBody.length).toBeGreaterThan(40);
      const surfaces = [authError.message, String(authError), JSON.stringify(authError), authError.stack ?? '', inspect(authError), ...lines];
      expect(lines.some((line) => line.startsWith('warn') && line.includes('invalid_client'))).toBe(true);
      expect(lines.some((line) => line.startsWith('info') && line.includes('obtained an access token'))).toBe(true);
      for (const surface of surfaces) {
        for (const secret of secrets) expect(leakedFragment(surface, secret)).toBeUndefined();
      }
      expect(JSON.parse(JSON.stringify(authError))).toMatchObject({ code: 'EDUV_AUTH_ERROR', oauthError: 'invalid_client' });
    });

    it('reports non-JSON errors, unusable answers and unreachable endpoints', async () => {
      const tokens = provider();
      server.override = () => ({ status: 500, body: '<html>oops</html>' });
      expect(await rejection(tokens.getToken({ scopes: SCOPES }))).toMatchObject({
        kind: 'token_endpoint',
        httpStatus: 500,
        oauthError: undefined,
      });
      server.override = () => ({ status: 200, body: { token_type: 'Bearer' } });
      expect(await rejection(tokens.getToken({ scopes: SCOPES }))).toMatchObject({ kind: 'invalid_response' });
      server.override = () => ({ status: 200, body: { access_token: 'x', token_type: 'DPoP' } });
      const dpop = await rejection(tokens.getToken({ scopes: SCOPES }));
      expect(dpop).toMatchObject({ kind: 'invalid_response' });
      expect((dpop as Error).message).toMatch(/token_type "DPoP"/);

      const unreachable = provider({ tokenEndpoint: 'http://127.0.0.1:1/token' });
      expect(await rejection(unreachable.getToken({ scopes: SCOPES }))).toMatchObject({ kind: 'network' });
    });

    it('does not follow a redirect with the client assertion', async () => {
      const tokens = provider({ tokenEndpoint: `${server.issuer}/redirecting-token` });
      expect(await rejection(tokens.getToken({ scopes: SCOPES }))).toBeInstanceOf(EduvAuthError);
      expect(server.redirectTargetHits).toBe(0);
    });

    it('times out a hanging token endpoint', async () => {
      server.delayMs = 2_000;
      const error = await rejection(provider({ timeoutMs: 100 }).getToken({ scopes: SCOPES }));
      expect(error).toMatchObject({ kind: 'timeout', code: 'EDUV_AUTH_ERROR' });
    });

    it('refuses bad configuration up front', () => {
      const base = { clientId: 'c', privateKey: rsKeys.privateKeyPem };
      const cases: Array<[Partial<ClientCredentialsOptions>, RegExp]> = [
        [{}, /exactly one of tokenEndpoint and issuer/],
        [{ tokenEndpoint: server.tokenUrl, issuer: server.issuer }, /exactly one/],
        [{ tokenEndpoint: 'http://as.example.org/token' }, /must use https/],
        [{ tokenEndpoint: 'token' }, /absolute URL/],
        [{ tokenEndpoint: server.tokenUrl, fetch, mtls: { certificatePem: '', privateKeyPem: '' } }, /fetch or mtls/],
        [{ tokenEndpoint: server.tokenUrl, scopes: ['two words'] }, /invalid scope/],
        [{ tokenEndpoint: server.tokenUrl, refreshSkewSeconds: -1 }, /refreshSkewSeconds/],
        [{ tokenEndpoint: server.tokenUrl, algorithm: 'ES256' as 'RS256' }, /RS256, PS256/],
        [{ tokenEndpoint: server.tokenUrl, privateKey: rsKeys.publicJwk }, /could not be read/],
      ];
      for (const [options, message] of cases) {
        expect(() => createClientCredentialsTokenProvider({ ...base, ...options })).toThrow(message);
      }
      expect(() => createClientCredentialsTokenProvider({ ...base, clientId: '' })).toThrow(EduvConfigError);
    });

    it('fails clearly once closed, also for callers still waiting', async () => {
      server.delayMs = 500;
      const tokens = provider();
      const waiting = tokens.getToken({ scopes: ['test.close'] });
      await vi_waitFor(() => server.tokenRequests.length === 1);
      await tokens.close();
      expect(await rejection(waiting)).toBeInstanceOf(EduvConfigError);
      await expect(tokens.getToken({ scopes: SCOPES })).rejects.toThrow(/closed/);
      await vi_waitFor(() => server.abortedScopes.includes('test.close'));
    });

    it('rejects an invalid scope in a call', async () => {
      await expect(provider().getToken({ scopes: ['a b'] })).rejects.toBeInstanceOf(EduvConfigError);
      expect(server.tokenRequests).toHaveLength(0);
    });
  });

  describe('abort signals', () => {
    it('rejects at once for an aborted signal, without a request', async () => {
      const error = await rejection(provider().getToken({ scopes: SCOPES, signal: AbortSignal.abort() }));
      expect(error).toMatchObject({ name: 'AbortError' });
      expect(server.tokenRequests).toHaveLength(0);
    });

    it('cancels the request when its only caller aborts', async () => {
      server.delayMs = 1_000;
      const controller = new AbortController();
      const pending = provider().getToken({ scopes: ['test.cancel'], signal: controller.signal });
      await vi_waitFor(() => server.tokenRequests.length === 1);
      controller.abort();
      expect(await rejection(pending)).toMatchObject({ name: 'AbortError' });
      await vi_waitFor(() => server.abortedScopes.includes('test.cancel'));
    });

    it('lets other callers keep the shared request when one aborts', async () => {
      server.delayMs = 300;
      const tokens = provider();
      const controller = new AbortController();
      const leaving = tokens.getToken({ scopes: ['test.stay'], signal: controller.signal });
      const staying = tokens.getToken({ scopes: ['test.stay'] });
      await vi_waitFor(() => server.tokenRequests.length === 1);
      controller.abort(new Error('caller gave up'));
      expect(await rejection(leaving)).toMatchObject({ message: 'caller gave up' });
      expect(await staying).toBe(server.tokenRequests[0]?.accessToken);
      expect(server.abortedScopes).not.toContain('test.stay');
      expect(server.tokenRequests).toHaveLength(1);
    });

    it('starts afresh after an abandoned request', async () => {
      server.delayMs = 300;
      const tokens = provider();
      const controller = new AbortController();
      const abandoned = tokens.getToken({ scopes: SCOPES, signal: controller.signal });
      await vi_waitFor(() => server.tokenRequests.length === 1);
      controller.abort();
      await rejection(abandoned);
      server.delayMs = 0;
      const token = await tokens.getToken({ scopes: SCOPES });
      expect(token).toBe(server.tokenRequests[1]?.accessToken);
    });
  });
});

/** Any 24-character piece of `secret` found in `surface`: a truncated leak is still a leak. */
function leakedFragment(surface: string, secret: string): string | undefined {
  for (let start = 0; start + 24 <= secret.length; start += 4) {
    const fragment = secret.slice(start, start + 24);
    if (surface.includes(fragment)) return fragment;
  }
  return undefined;
}

async function vi_waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
