import { EduvConfigError } from '@eduvkit/core';
import { decodeProtectedHeader, importJWK, jwtVerify } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { createClientAssertion, generateClientKeys, type ClientKeys } from '../src/index';

const TOKEN_URL = 'https://as.example.org/oauth2/token';
let keys: ClientKeys;
beforeAll(async () => {
  keys = await generateClientKeys({ modulusLength: 2048 });
});

describe('createClientAssertion', () => {
  it.each(['RS256', 'PS256'] as const)('signs the private_key_jwt claims with %s', async (algorithm) => {
    const now = Date.UTC(2026, 0, 15, 12, 0, 0);
    const assertion = await createClientAssertion({
      clientId: 'client-42',
      audience: TOKEN_URL,
      key: keys.privateKeyPem,
      keyId: keys.keyId,
      algorithm,
      now: () => new Date(now),
    });
    expect(decodeProtectedHeader(assertion)).toEqual({ alg: algorithm, kid: keys.keyId, typ: 'JWT' });
    const { payload } = await jwtVerify(assertion, await importJWK(keys.publicJwk, algorithm), {
      algorithms: [algorithm],
      issuer: 'client-42',
      subject: 'client-42',
      audience: TOKEN_URL,
      typ: 'JWT',
      currentDate: new Date(now + 30_000),
    });
    expect(payload.iat).toBe(now / 1000);
    expect(payload.exp).toBe(now / 1000 + 60);
    // 256 bits of randomness, as docs/authentication.md promises.
    expect(Buffer.from(payload.jti ?? '', 'base64url').length).toBe(32);
    expect(Object.keys(payload).sort()).toEqual(['aud', 'exp', 'iat', 'iss', 'jti', 'sub']);
  });

  it('uses a fresh jti every time and the lifetime asked for', async () => {
    const options = { clientId: 'c', audience: TOKEN_URL, key: keys.privateJwk, keyId: 'k', lifetimeSeconds: 300 };
    const assertions = await Promise.all(Array.from({ length: 20 }, () => createClientAssertion(options)));
    const claims = assertions.map((jwt) => JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString()));
    expect(new Set(claims.map((claim) => claim.jti)).size).toBe(20);
    for (const claim of claims) expect(claim.exp - claim.iat).toBe(300);
  });

  it('refuses long lifetimes, relative audiences and missing ids', async () => {
    const base = { clientId: 'c', audience: TOKEN_URL, key: keys.privateKeyPem, keyId: 'k' };
    await expect(createClientAssertion({ ...base, lifetimeSeconds: 301 })).rejects.toThrow(/1 to 300/);
    await expect(createClientAssertion({ ...base, lifetimeSeconds: 0 })).rejects.toThrow(EduvConfigError);
    await expect(createClientAssertion({ ...base, audience: '/token' })).rejects.toThrow(/absolute URL/);
    await expect(createClientAssertion({ ...base, clientId: ' ' })).rejects.toThrow(/clientId/);
    await expect(createClientAssertion({ ...base, keyId: '' })).rejects.toThrow(/keyId/);
  });
});
