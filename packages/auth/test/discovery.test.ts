import { EduvConfigError } from '@eduvkit/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clearDiscoveryCache, discover, EduvAuthError, generateClientKeys } from '../src/index';
import { startTokenServer, type TokenServer } from './support/token-server';

let server: TokenServer;
beforeAll(async () => {
  const keys = await generateClientKeys({ modulusLength: 2048 });
  server = await startTokenServer({ clients: [{ clientId: 'c', publicJwk: keys.publicJwk, algorithm: 'RS256' }] });
});
afterAll(() => server.close());
beforeEach(() => {
  clearDiscoveryCache();
  server.discoveryRequests = 0;
  server.discoveryDocument = undefined;
});

async function authError(promise: Promise<unknown>): Promise<EduvAuthError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(EduvAuthError);
  return error as EduvAuthError;
}

describe('discover', () => {
  it('reads the endpoints from <issuer>/.well-known/openid-configuration', async () => {
    const metadata = await discover(server.issuer);
    expect(metadata.issuer).toBe(server.issuer);
    expect(metadata.token_endpoint).toBe(server.tokenUrl);
    expect(metadata.jwks_uri).toBe(`${server.issuer}/jwks`);
    expect(metadata.token_endpoint_auth_methods_supported).toEqual(['private_key_jwt']);
    expect(server.discoveryRequests).toBe(1);
  });

  it('caches per issuer for an hour and shares concurrent requests', async () => {
    let clock = 1_000_000;
    const now = () => new Date(clock);
    await Promise.all(Array.from({ length: 10 }, () => discover(server.issuer, { now })));
    expect(server.discoveryRequests).toBe(1);
    clock += 3_599_000;
    await discover(server.issuer, { now });
    expect(server.discoveryRequests).toBe(1);
    clock += 2_000;
    await discover(server.issuer, { now });
    expect(server.discoveryRequests).toBe(2);
    await discover(server.issuer, { now, cacheTtlSeconds: 0 });
    expect(server.discoveryRequests).toBe(3);
  });

  it('rejects a document whose issuer differs, even by a trailing slash', async () => {
    server.discoveryDocument = { issuer: `${server.issuer}/`, token_endpoint: server.tokenUrl, jwks_uri: server.tokenUrl };
    const error = await authError(discover(server.issuer));
    expect(error.kind).toBe('discovery');
    expect(error.message).toMatch(/issuer is ".*\/as\/", expected ".*\/as"/);
  });

  it('requires token_endpoint and jwks_uri, over https unless on loopback, and does not cache failures', async () => {
    server.discoveryDocument = { issuer: server.issuer, jwks_uri: `${server.issuer}/jwks` };
    expect((await authError(discover(server.issuer))).message).toMatch(/token_endpoint must be an absolute URL/);
    server.discoveryDocument = { issuer: server.issuer, token_endpoint: server.tokenUrl };
    expect((await authError(discover(server.issuer))).message).toMatch(/jwks_uri/);
    server.discoveryDocument = {
      issuer: server.issuer,
      token_endpoint: 'http://as.example.org/token',
      jwks_uri: `${server.issuer}/jwks`,
    };
    expect((await authError(discover(server.issuer))).message).toMatch(/token_endpoint must use https/);
    expect(server.discoveryRequests).toBe(3);
  });

  it('reports HTTP errors and unreachable servers as EduvAuthError', async () => {
    const missing = await authError(discover(`${server.origin}/nowhere`));
    expect(missing).toMatchObject({ kind: 'discovery', httpStatus: 404 });
    const unreachable = await authError(discover('http://127.0.0.1:1/as'));
    expect(unreachable.kind).toBe('network');
  });

  it('honours an aborted signal and refuses a non-https issuer', async () => {
    await expect(discover(server.issuer, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
    await expect(discover('http://as.example.org')).rejects.toBeInstanceOf(EduvConfigError);
  });
});
