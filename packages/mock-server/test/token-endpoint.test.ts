import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAuthorizationServer, PRODUCER_CLIENT_ID, type AuthorizationServer } from '../src/auth/authorization-server';
import { ReplayCache } from '../src/auth/replay-cache';
import { loadClients, MOCK_REGISTRIES } from '../src/index';
import { clientAssertion, JWT_BEARER, type AssertionOverrides } from './support/assertions';

/**
 * The token endpoint's edges, in process against a fixed clock: each boundary of the assertion
 * policy (skew 60 s, lifetime 300 s, jti ≥ 16 characters), the form checks, and the tokens it signs.
 */
const ISSUER = 'http://127.0.0.1:4999';
const TOKEN_ENDPOINT = `${ISSUER}/oauth2/token`;
const NOW = 1_800_000_000;
let clock = NOW;
let server: AuthorizationServer;
const { clients } = loadClients();

beforeAll(async () => {
  server = await createAuthorizationServer({ issuer: `${ISSUER}/`, clients, registries: MOCK_REGISTRIES, now: () => new Date(clock * 1000) });
});

const CLIENT = 'demo-bestelomgeving';
let sequence = 0;
/** A valid assertion at the fixed clock, with a fresh jti, and whatever the case changes. */
const assertion = (overrides: AssertionOverrides = {}, clientId = CLIENT) =>
  clientAssertion(clientId, TOKEN_ENDPOINT, {
    ...overrides,
    claims: { iat: NOW, exp: NOW + 60, jti: `jti-${(sequence += 1)}-${'x'.repeat(16)}`, ...overrides.claims },
  });

async function post(form: Record<string, string | undefined>, init: { method?: string; contentType?: string } = {}) {
  const body = new URLSearchParams(Object.entries(form).filter((entry): entry is [string, string] => entry[1] !== undefined));
  const response = (await server.handle(
    new Request(TOKEN_ENDPOINT, {
      method: init.method ?? 'POST',
      headers: { 'content-type': init.contentType ?? 'application/x-www-form-urlencoded' },
      ...((init.method ?? 'POST') === 'GET' ? {} : { body }),
    }),
  ))!;
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, string> };
}
const tokenForm = async (extra: Record<string, string | undefined> = {}, overrides: AssertionOverrides = {}) => ({
  grant_type: 'client_credentials',
  client_id: CLIENT,
  client_assertion_type: JWT_BEARER,
  client_assertion: await assertion(overrides),
  ...extra,
});

describe('token endpoint refusals, each with its OAuth error and reason, never a token', () => {
  const unsignedWith = (header: object) =>
    `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${Buffer.from(JSON.stringify({ iss: CLIENT, sub: CLIENT })).toString('base64url')}.sig`;
  const cases: [
    string,
    () => Promise<{ form: Record<string, string | undefined>; init?: { method?: string; contentType?: string } }>,
    number,
    string,
    string,
  ][] = [
    ['GET', async () => ({ form: {}, init: { method: 'GET' } }), 400, 'invalid_request', 'the token endpoint takes POST'],
    [
      'a JSON body',
      async () => ({ form: await tokenForm(), init: { contentType: 'application/json' } }),
      400,
      'invalid_request',
      'send the token request as application/x-www-form-urlencoded',
    ],
    [
      'a content type that only contains the form type',
      async () => ({ form: await tokenForm(), init: { contentType: 'text/application/x-www-form-urlencoded' } }),
      400,
      'invalid_request',
      'send the token request as application/x-www-form-urlencoded',
    ],
    [
      'no grant type',
      async () => ({ form: await tokenForm({ grant_type: undefined }) }),
      400,
      'unsupported_grant_type',
      'only grant_type=client_credentials is supported',
    ],
    ['no assertion', async () => ({ form: await tokenForm({ client_assertion: undefined }) }), 401, 'invalid_client', 'client_assertion is missing'],
    [
      'an assertion that is not a JWT',
      async () => ({ form: await tokenForm({ client_assertion: 'abc' }) }),
      401,
      'invalid_client',
      'client_assertion is not a signed JWT (header.payload.signature)',
    ],
    [
      'an HS256 assertion',
      async () => ({ form: await tokenForm({ client_assertion: unsignedWith({ alg: 'HS256', kid: 'k' }) }) }),
      401,
      'invalid_client',
      'client_assertion alg "HS256" is not accepted; use RS256 or PS256',
    ],
    [
      'an assertion without alg',
      async () => ({ form: await tokenForm({ client_assertion: unsignedWith({ kid: 'k' }) }) }),
      401,
      'invalid_client',
      'client_assertion alg "undefined" is not accepted; use RS256 or PS256',
    ],
    [
      'a header without kid',
      async () => ({ form: await tokenForm({ client_assertion: unsignedWith({ alg: 'RS256' }) }) }),
      401,
      'invalid_client',
      'client_assertion header has no kid',
    ],
    [
      'an empty kid',
      async () => ({ form: await tokenForm({ client_assertion: unsignedWith({ alg: 'RS256', kid: '' }) }) }),
      401,
      'invalid_client',
      'client_assertion header has no kid',
    ],
    [
      'a numeric kid',
      async () => ({ form: await tokenForm({ client_assertion: unsignedWith({ alg: 'RS256', kid: 7 }) }) }),
      401,
      'invalid_client',
      'client_assertion header has no kid',
    ],
    [
      'no client_id and no iss',
      async () => ({ form: await tokenForm({ client_id: undefined }, { claims: { iss: undefined } }) }),
      401,
      'invalid_client',
      'client_id is missing',
    ],
    [
      'iss other than client_id',
      async () => ({ form: await tokenForm({}, { claims: { iss: 'demo-dashboard' } }) }),
      401,
      'invalid_client',
      'client_assertion iss must equal client_id',
    ],
    [
      'an unknown kid',
      async () => ({ form: await tokenForm({}, { header: { kid: 'not-registered' } }) }),
      401,
      'invalid_client',
      "client_assertion kid matches none of the client's registered keys",
    ],
    [
      "another client's key",
      async () => ({ form: await tokenForm({}, { signWith: 'demo-dashboard' }) }),
      401,
      'invalid_client',
      "client_assertion signature does not verify with the client's registered keys",
    ],
    [
      'sub other than the client',
      async () => ({ form: await tokenForm({}, { claims: { sub: 'x' } }) }),
      401,
      'invalid_client',
      'client_assertion iss and sub must both be the client_id',
    ],
    [
      'no jti',
      async () => ({ form: await tokenForm({}, { claims: { jti: undefined } }) }),
      401,
      'invalid_client',
      'client_assertion claim jti is missing or invalid',
    ],
    [
      'no exp',
      async () => ({ form: await tokenForm({}, { claims: { exp: undefined } }) }),
      401,
      'invalid_client',
      'client_assertion claim exp is missing or invalid',
    ],
    [
      'no iat',
      async () => ({ form: await tokenForm({}, { claims: { iat: undefined } }) }),
      401,
      'invalid_client',
      'client_assertion claim iat is missing or invalid',
    ],
    [
      'an expired assertion',
      async () => ({ form: await tokenForm({}, { claims: { iat: NOW - 200, exp: NOW - 61 } }) }),
      401,
      'invalid_client',
      'client_assertion has expired (exp is in the past)',
    ],
    [
      'iat 61 s ahead',
      async () => ({ form: await tokenForm({}, { claims: { iat: NOW + 61, exp: NOW + 100 } }) }),
      401,
      'invalid_client',
      'client_assertion iat is in the future',
    ],
    [
      'iat 361 s old',
      async () => ({ form: await tokenForm({}, { claims: { iat: NOW - 361, exp: NOW - 70 } }) }),
      401,
      'invalid_client',
      'client_assertion has expired (exp is in the past)',
    ],
    [
      'iat 361 s old, still unexpired',
      async () => ({ form: await tokenForm({}, { claims: { iat: NOW - 361, exp: NOW - 59 } }) }),
      401,
      'invalid_client',
      'client_assertion iat is too old',
    ],
    [
      'a lifetime of 301 s',
      async () => ({ form: await tokenForm({}, { claims: { exp: NOW + 301 } }) }),
      401,
      'invalid_client',
      'client_assertion may live at most 300 seconds (exp - iat)',
    ],
    [
      'a jti of 15 characters',
      async () => ({ form: await tokenForm({}, { claims: { jti: 'x'.repeat(15) } }) }),
      401,
      'invalid_client',
      'client_assertion jti must be unique and carry at least 128 bits of randomness',
    ],
    [
      'no scope for the role',
      async () => ({
        form: {
          ...(await tokenForm()),
          client_id: 'demo-dashboard',
          client_assertion: await assertion({}, 'demo-dashboard'),
          scope: 'eduv.student.basic eduv.education',
        },
      }),
      400,
      'invalid_scope',
      'scope not allowed for Leermiddelendashboard: eduv.student.basic',
    ],
  ];

  it.each(cases)('%s', async (_name, build, status, error, description) => {
    const { form, init } = await build();
    const answer = await post(form, init);
    expect(answer.body).toEqual({ error, error_description: description });
    expect(answer.status).toBe(status);
    expect(answer.headers.get('content-type')).toBe('application/json');
    expect(answer.headers.get('cache-control')).toBe('no-store');
  });

  it('counts every request and only the tokens issued', async () => {
    const before = { ...server.stats };
    await post(await tokenForm({ grant_type: 'password' }));
    await post(await tokenForm());
    expect(server.stats).toEqual({ tokenRequests: before.tokenRequests + 2, tokensIssued: before.tokensIssued + 1 });
  });
});

describe('token endpoint boundaries', () => {
  const granted = async (claims: Record<string, number | string | undefined>) => (await post(await tokenForm({}, { claims }))).status;

  it('accepts iat exactly 60 s ahead and 300 s old, exp 59 s past, and a lifetime of exactly 300 s', async () => {
    expect(await granted({ iat: NOW + 60, exp: NOW + 120 })).toBe(200);
    expect(await granted({ iat: NOW - 300, exp: NOW })).toBe(200);
    expect(await granted({ iat: NOW - 100, exp: NOW - 59 })).toBe(200);
    expect(await granted({ iat: NOW, exp: NOW + 300 })).toBe(200);
    expect(await granted({ jti: 'y'.repeat(16) })).toBe(200);
  });

  it('refuses a replayed jti until the assertion could no longer be accepted, then forgets it', async () => {
    const form = await tokenForm({}, { claims: { iat: NOW, exp: NOW + 10, jti: 'replayed-jti-0123456789' } });
    expect((await post(form)).status).toBe(200);
    expect((await post(form)).body.error_description).toBe('client_assertion jti was already used: create a fresh assertion for every token request');
    clock = NOW + 69;
    try {
      expect((await post(form)).body.error_description).toBe('client_assertion jti was already used: create a fresh assertion for every token request');
      clock = NOW + 70;
      // exp + skew has passed: the assertion is expired, not a replay.
      expect((await post(form)).body.error_description).toBe('client_assertion has expired (exp is in the past)');
    } finally {
      clock = NOW;
    }
    const otherClient = await post({
      ...(await tokenForm()),
      client_id: 'demo-dashboard',
      client_assertion: await assertion({ claims: { jti: 'replayed-jti-0123456789' } }, 'demo-dashboard'),
    });
    expect(otherClient.status).toBe(200);
  });
});

describe('the tokens it issues', () => {
  it('grants every permitted scope, sorted, when none is asked; the scopes asked, once each, otherwise', async () => {
    const all = await post(await tokenForm());
    expect(all.body.scope!.split(' ')).toEqual([...server.allowedScopes(CLIENT)!].sort());
    const some = await post(await tokenForm({ scope: 'eduv.student.basic consent eduv.student.basic' }));
    expect(some.body).toMatchObject({ scope: 'consent eduv.student.basic', token_type: 'Bearer', expires_in: 3600 });
    expect(some.headers.get('cache-control')).toBe('no-store');
    expect(some.headers.get('pragma')).toBe('no-cache');
    const { payload, protectedHeader } = await jwtVerify(some.body.access_token!, createLocalJWKSet(server.jwks), {
      issuer: ISSUER,
      currentDate: new Date(NOW * 1000),
    });
    expect(protectedHeader).toEqual({ alg: 'RS256', kid: server.jwks.keys[0]!.kid, typ: 'at+jwt' });
    expect(payload).toMatchObject({ iss: ISSUER, sub: CLIENT, client_id: CLIENT, azp: CLIENT, scope: 'consent eduv.student.basic', iat: NOW, exp: NOW + 3600 });
    expect(await server.verifyAccessToken(new Request('http://x/', { headers: { authorization: `Bearer ${some.body.access_token}` } }))).toEqual({
      clientId: CLIENT,
      scopes: new Set(['consent', 'eduv.student.basic']),
    });
  });

  it('refuses a role without any scope here', async () => {
    const lonely = { ...clients[0]!, clientId: 'lonely', role: 'Nobody at all' };
    const alone = await createAuthorizationServer({ issuer: ISSUER, clients: [lonely], registries: MOCK_REGISTRIES, now: () => new Date(NOW * 1000) });
    expect(alone.allowedScopes('lonely')).toEqual(new Set());
    // 'lonely' is registered with the first demo client's key, so that client's key signs for it.
    const signed = await clientAssertion(clients[0]!.clientId, TOKEN_ENDPOINT, { claims: { iss: 'lonely', sub: 'lonely', iat: NOW, exp: NOW + 60 } });
    const form = { grant_type: 'client_credentials', client_id: 'lonely', client_assertion_type: JWT_BEARER, client_assertion: signed };
    const answer = (await alone.handle(
      new Request(TOKEN_ENDPOINT, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form) }),
    ))!;
    expect(await answer.json()).toEqual({ error: 'invalid_scope', error_description: 'client lonely (Nobody at all) may not be granted any scope here' });
  });

  it('signs producer tokens for a receiver: sub and client_id the mock, aud the client, five minutes', async () => {
    const token = await server.issueProducerToken('demo-dashboard');
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'RS256', kid: server.jwks.keys[0]!.kid, typ: 'at+jwt' });
    const { payload } = await jwtVerify(token, createLocalJWKSet(server.jwks), {
      issuer: ISSUER,
      audience: 'demo-dashboard',
      currentDate: new Date(NOW * 1000),
    });
    expect(payload).toMatchObject({
      sub: PRODUCER_CLIENT_ID,
      client_id: PRODUCER_CLIENT_ID,
      azp: PRODUCER_CLIENT_ID,
      scope: 'notifications',
      iat: NOW,
      exp: NOW + 300,
    });
    expect(typeof payload.jti).toBe('string');
  });

  it('answers discovery and JWKS, and leaves other paths alone', async () => {
    const discovery = (await (await server.handle(new Request(`${ISSUER}/.well-known/openid-configuration`)))!.json()) as Record<string, unknown>;
    expect(discovery).toMatchObject({
      issuer: ISSUER,
      token_endpoint: TOKEN_ENDPOINT,
      jwks_uri: `${ISSUER}/oauth2/jwks`,
      grant_types_supported: ['client_credentials'],
      token_endpoint_auth_signing_alg_values_supported: ['RS256', 'PS256'],
    });
    expect(discovery.scopes_supported).toEqual([...new Set(MOCK_REGISTRIES.flatMap((registry) => registry.scopes))]);
    expect(await (await server.handle(new Request(`${ISSUER}/oauth2/jwks`)))!.json()).toEqual(server.jwks);
    expect(await server.handle(new Request(`${ISSUER}/oauth2/other`))).toBeUndefined();
  });
});

describe('replay cache', () => {
  it('remembers a key until it expires, and prunes expired keys once it holds more than 10,000', () => {
    const cache = new ReplayCache();
    expect(cache.remember('a', 100, 50)).toBe(true);
    expect(cache.remember('a', 100, 100)).toBe(false);
    expect(cache.remember('a', 200, 101)).toBe(true);
    for (let index = 0; index < 10_001; index += 1) cache.remember(`k${index}`, 10, 5);
    const seen = (cache as unknown as { seen: Map<string, number> }).seen;
    expect(seen.size).toBe(10_002);
    cache.remember('trigger', 500, 11);
    expect([...seen.keys()].sort()).toEqual(['a', 'trigger']);
    cache.remember('keep', 500, 11);
    expect(seen.size).toBe(3);
  });
});
