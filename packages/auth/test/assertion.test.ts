import { EduvConfigError } from '@eduvkit/core';
import { decodeJwt, decodeProtectedHeader, importJWK, jwtVerify } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { createClientAssertion, createClientCredentialsTokenProvider, generateClientKeys, type ClientKeys } from '../src/index';

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

  it('takes lifetimes from 1 to 300 whole seconds and nothing else, naming the range', async () => {
    const base = { clientId: 'c', audience: TOKEN_URL, key: keys.privateJwk, keyId: 'k', now: () => new Date(1_700_000_000_000) };
    for (const lifetimeSeconds of [1, 300]) {
      const claims = decodeJwt(await createClientAssertion({ ...base, lifetimeSeconds }));
      expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(lifetimeSeconds);
    }
    for (const lifetimeSeconds of [1.5, Number.NaN, -1]) {
      await expect(createClientAssertion({ ...base, lifetimeSeconds })).rejects.toThrow('assertion lifetime must be a whole number of seconds from 1 to 300');
    }
  });

  it('refuses a client id that is not a non-empty string, with the same message', async () => {
    const base = { audience: TOKEN_URL, key: keys.privateJwk, keyId: 'k' };
    for (const clientId of ['', ' \t', 42 as unknown as string, undefined as unknown as string]) {
      const refusal = createClientAssertion({ ...base, clientId });
      await expect(refusal).rejects.toBeInstanceOf(EduvConfigError);
      await expect(refusal).rejects.toThrow('clientId must be a non-empty string');
    }
  });
});

describe('normaliseScopes (through createClientCredentialsTokenProvider)', () => {
  const provider = (scopes: unknown) => () =>
    createClientCredentialsTokenProvider({ clientId: 'c', privateKey: keys.privateJwk, keyId: 'k', tokenEndpoint: TOKEN_URL, scopes: scopes as string[] });

  it('refuses a scopes value that is not an array', () => {
    expect(provider('eduv.student.basic')).toThrow(new EduvConfigError('scopes must be an array of strings'));
  });

  it('refuses a scope that is not one RFC 6749 scope token, quoting it', () => {
    for (const scope of ['two words', '', 'quote"d', 'back\\slash', 'tab\there', 'é']) {
      expect(provider([scope])).toThrow(new EduvConfigError(`invalid scope ${JSON.stringify(scope)}: one scope token without spaces or quotes`));
    }
    expect(provider([7])).toThrow('invalid scope 7');
  });

  it('accepts every printable ASCII scope character but the space, quote and backslash', () => {
    const allowed = Array.from({ length: 0x7e - 0x21 + 1 }, (_, index) => String.fromCharCode(0x21 + index)).filter((char) => char !== '"' && char !== '\\');
    expect(provider([allowed.join('')])).not.toThrow();
  });
});
