import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { BronError, createAccessTokenVerifier } from '../src/server';

const ISSUER = 'https://as.test';
const NOW = new Date('2026-01-01T12:00:00Z');
const nowSeconds = Math.floor(NOW.getTime() / 1000);

let privateKey: CryptoKey;
let otherKey: CryptoKey;
let keys: ReturnType<typeof createLocalJWKSet>;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  privateKey = pair.privateKey;
  otherKey = (await generateKeyPair('RS256')).privateKey;
  keys = createLocalJWKSet({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256' }] });
});

interface TokenShape {
  claims?: JWTPayload;
  /** Claims to leave out of the default set. */
  drop?: string[];
  header?: Record<string, unknown>;
  key?: CryptoKey | Uint8Array;
}

/** A token as the authorization server issues it, with whatever a case wants to break. */
async function token({ claims = {}, drop = [], header = {}, key = privateKey }: TokenShape = {}): Promise<string> {
  const payload: JWTPayload = {
    iss: ISSUER,
    sub: 'client-a',
    client_id: 'client-a',
    scope: 'a b',
    iat: nowSeconds,
    exp: nowSeconds + 60,
    aud: 'https://bron.test',
    ...claims,
  };
  for (const name of drop) delete payload[name];
  return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid: 'k1', ...header }).sign(key);
}

const verifier = (options: Partial<Parameters<typeof createAccessTokenVerifier>[0]> = {}) =>
  createAccessTokenVerifier({ issuer: ISSUER, keys, now: () => NOW, clockToleranceSeconds: 0, ...options });
const withAuthorization = (value: string) => new Request('http://bron.test/x', { headers: { authorization: value } });

async function refusal(verify: ReturnType<typeof verifier>, request: Request): Promise<BronError> {
  const error = await Promise.resolve(verify(request)).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(BronError);
  return error as BronError;
}

describe('createAccessTokenVerifier refuses every broken token with 401 / 0099 and a reason', () => {
  const cases: [string, () => Promise<string>, RegExp][] = [
    ['a wrong iss', () => token({ claims: { iss: 'https://evil.test' } }), /claim "iss"/],
    ['no iss', () => token({ drop: ['iss'] }), /claim "iss"/],
    [
      'an HS256 signature',
      () => token({ header: { alg: 'HS256' }, key: new TextEncoder().encode('0123456789abcdef0123456789abcdef') }),
      /algorithm is not accepted/,
    ],
    [
      'alg none',
      async () =>
        `${Buffer.from('{"alg":"none","kid":"k1"}').toString('base64url')}.${Buffer.from(JSON.stringify({ iss: ISSUER, client_id: 'c', exp: nowSeconds + 60 })).toString('base64url')}.`,
      /algorithm|well-formed/,
    ],
    ['no exp', () => token({ drop: ['exp'] }), /claim "exp"/],
    ['an expired exp', () => token({ claims: { exp: nowSeconds - 1 } }), /expired/],
    ['a future nbf', () => token({ claims: { nbf: nowSeconds + 60 } }), /claim "nbf"/],
    ['an unknown kid', () => token({ header: { kid: 'k2' } }), /no key .* matches its kid/],
    ['a signature by another key', () => token({ key: otherKey }), /signature does not verify/],
    ['a truncated token', async () => (await token()).split('.').slice(0, 2).join('.'), /well-formed/],
    ['garbage', async () => 'not.a.jwt', /well-formed/],
    ['no client identity', () => token({ drop: ['sub', 'client_id'] }), /names no client/],
    ['an empty client identity', () => token({ claims: { sub: '', client_id: '' } }), /names no client/],
  ];

  it.each(cases)('%s', async (_name, make, message) => {
    const error = await refusal(verifier(), withAuthorization(`Bearer ${await make()}`));
    expect(error).toMatchObject({ httpStatus: 401, eduvStatus: 99 });
    expect(error.statusMessage).toMatch(message);
  });

  it('a wrong aud when the bron requires one', async () => {
    const error = await refusal(verifier({ audience: 'https://other-bron.test' }), withAuthorization(`Bearer ${await token()}`));
    expect(error).toMatchObject({ httpStatus: 401, eduvStatus: 99, statusMessage: expect.stringMatching(/claim "aud"/) });
    await expect(Promise.resolve(verifier({ audience: 'https://bron.test' })(withAuthorization(`Bearer ${await token()}`)))).resolves.toMatchObject({
      clientId: 'client-a',
    });
  });

  it('a PS256 token when only RS256 is accepted', async () => {
    const pair = await generateKeyPair('PS256');
    const psKeys = createLocalJWKSet({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'p1', alg: 'PS256' }] });
    const signed = await token({ header: { alg: 'PS256', kid: 'p1' }, key: pair.privateKey });
    await expect(Promise.resolve(verifier({ keys: psKeys })(withAuthorization(`Bearer ${signed}`)))).resolves.toMatchObject({ clientId: 'client-a' });
    const error = await refusal(verifier({ keys: psKeys, algorithms: ['RS256'] }), withAuthorization(`Bearer ${signed}`));
    expect(error.statusMessage).toMatch(/algorithm is not accepted/);
  });

  it('the leeway for exp is 30 s unless configured', async () => {
    const lateBy20 = await token({ claims: { exp: nowSeconds - 20 } });
    await expect(
      Promise.resolve(createAccessTokenVerifier({ issuer: ISSUER, keys, now: () => NOW })(withAuthorization(`Bearer ${lateBy20}`))),
    ).resolves.toBeDefined();
    const lateBy40 = await token({ claims: { exp: nowSeconds - 40 } });
    await expect(
      Promise.resolve(createAccessTokenVerifier({ issuer: ISSUER, keys, now: () => NOW })(withAuthorization(`Bearer ${lateBy40}`))),
    ).rejects.toMatchObject({
      httpStatus: 401,
    });
  });

  it.each([
    ['no header', undefined, /carries no bearer access token/],
    ['an empty header', '', /carries no bearer access token/],
    ['Basic', 'Basic YTpi', /not of the form "Bearer <token>"/],
    ['Bearer without a token', 'Bearer', /not of the form/],
    ['Bearer with two tokens', 'Bearer abc def', /not of the form/],
    ['a token with characters outside b64token', 'Bearer abc$def', /not of the form/],
  ])('a malformed Authorization header: %s', async (_name, header, message) => {
    const request = new Request('http://bron.test/x', header === undefined ? {} : { headers: { authorization: header } });
    const error = await refusal(verifier(), request);
    expect(error).toMatchObject({ httpStatus: 401, eduvStatus: 99 });
    expect(error.statusMessage).toMatch(message);
  });

  it('never repeats the token in a refusal', async () => {
    const signed = await token({ claims: { iss: 'https://evil.test' } });
    const error = await refusal(verifier(), withAuthorization(`Bearer ${signed}`));
    expect(error.statusMessage).not.toContain(signed.split('.')[1]!);
  });
});

describe('createAccessTokenVerifier on a good token', () => {
  it('names the client by client_id, else azp, else sub, and reads scopes as a string or an array', async () => {
    const verify = verifier({ cacheSize: 0 });
    const call = async (shape: TokenShape) => verify(withAuthorization(`bearer  ${await token(shape)} `));
    expect(await call({})).toEqual({ clientId: 'client-a', scopes: new Set(['a', 'b']) });
    expect(await call({ claims: { client_id: undefined, azp: 'client-b' } })).toMatchObject({ clientId: 'client-b' });
    expect(await call({ drop: ['client_id'] })).toMatchObject({ clientId: 'client-a' });
    expect(await call({ claims: { client_id: 'client-c', azp: 'client-b' } })).toMatchObject({ clientId: 'client-c' });
    expect(await call({ claims: { client_id: '', azp: 'client-b' } })).toMatchObject({ clientId: 'client-b' });
    expect(await call({ claims: { client_id: 7, azp: 'client-b' } })).toMatchObject({ clientId: 'client-b' });
    expect(await call({ claims: { scope: ['x', 3, 'y'] } })).toMatchObject({ scopes: new Set(['x', 'y']) });
    expect(await call({ claims: { scope: '  x   y ' } })).toMatchObject({ scopes: new Set(['x', 'y']) });
    expect(await call({ drop: ['scope'] })).toMatchObject({ scopes: new Set() });
  });

  it('gives a neutral reason when the keys cannot be had, and does not call it malformed', async () => {
    const verify = verifier({
      keys: () => {
        throw new Error('JWKS endpoint unreachable: https://as.test/jwks');
      },
    });
    const error = await refusal(verify, withAuthorization(`Bearer ${await token()}`));
    expect(error.statusMessage).toBe('invalid access token: it could not be verified');
  });

  it('forgets a remembered token the millisecond it expires, like jose without leeway', async () => {
    let now = NOW;
    const verify = createAccessTokenVerifier({ issuer: ISSUER, keys, now: () => now, clockToleranceSeconds: 0 });
    const signed = await token({ claims: { exp: nowSeconds + 60 } });
    await verify(withAuthorization(`Bearer ${signed}`));
    now = new Date((nowSeconds + 60) * 1000 - 1);
    await expect(Promise.resolve(verify(withAuthorization(`Bearer ${signed}`)))).resolves.toMatchObject({ clientId: 'client-a' });
    now = new Date((nowSeconds + 60) * 1000);
    await expect(Promise.resolve(verify(withAuthorization(`Bearer ${signed}`)))).rejects.toMatchObject({
      httpStatus: 401,
      statusMessage: 'invalid access token: the token has expired',
    });
  });

  it('remembers at most cacheSize tokens, dropping the oldest', async () => {
    let lookups = 0;
    const verify = verifier({
      cacheSize: 2,
      keys: (header, jws) => {
        lookups += 1;
        return keys(header, jws);
      },
    });
    const [one, two, three] = await Promise.all([1, 2, 3].map((n) => token({ claims: { jti: `t${n}` } })));
    for (const value of [one, two, three, three, two]) await verify(withAuthorization(`Bearer ${value}`));
    expect(lookups).toBe(3);
    await verify(withAuthorization(`Bearer ${one}`));
    expect(lookups).toBe(4);
    const uncached = verifier({ cacheSize: 0, keys: (header, jws) => ((lookups += 1), keys(header, jws)) });
    await uncached(withAuthorization(`Bearer ${one}`));
    await uncached(withAuthorization(`Bearer ${one}`));
    expect(lookups).toBe(6);
  });

  it('answers a token it verified before at once, without a promise', async () => {
    const verify = verifier();
    const request = withAuthorization(`Bearer ${await token()}`);
    expect(verify(request)).toBeInstanceOf(Promise);
    await verify(request);
    expect(verify(request)).toMatchObject({ clientId: 'client-a' });
    // Refusals stay rejected promises, never synchronous throws.
    const refused = verify(withAuthorization('Basic abc'));
    expect(refused).toBeInstanceOf(Promise);
    await expect(refused).rejects.toBeInstanceOf(BronError);
  });

  it('verifies a header again that ends like a remembered one but differs before', async () => {
    const verify = verifier();
    const signed = await token();
    await verify(withAuthorization(`Bearer ${signed}`));
    // Same signature (the cache looks up by the header's end), another payload: the signature no longer matches.
    const [header, payload, signature] = signed.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...claims, scope: 'everything' })).toString('base64url')}.${signature}`;
    const error = await refusal(verify, withAuthorization(`Bearer ${tampered}`));
    expect(error.statusMessage).toBe('invalid access token: the signature does not verify');
    // The genuine token is still known afterwards or verified again: either way it is accepted.
    await expect(Promise.resolve(verify(withAuthorization(`Bearer ${signed}`)))).resolves.toMatchObject({ clientId: 'client-a' });
  });
});
