import { createLocalJWKSet, jwtVerify, SignJWT, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../src/index';
import { clientAssertion, demoClient, JWT_BEARER, requestToken } from './support/assertions';

let server: MockServer;
let tokenEndpoint: string;
const now = () => Math.floor(Date.now() / 1000);
beforeAll(async () => {
  server = await startMockServer({ port: 0, seed: 1 });
  tokenEndpoint = `${server.url}/oauth2/token`;
});
afterAll(() => server.close());

const form = async (clientId: string, overrides: Parameters<typeof clientAssertion>[2] = {}, extra: Record<string, string> = {}) => ({
  grant_type: 'client_credentials',
  client_id: clientId,
  client_assertion_type: JWT_BEARER,
  client_assertion: await clientAssertion(clientId, tokenEndpoint, overrides),
  ...extra,
});

describe('mock authorization server', () => {
  it('publishes discovery and its JWKS', async () => {
    const discovery = (await (await fetch(`${server.url}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(discovery).toMatchObject({ issuer: server.url, token_endpoint: tokenEndpoint, jwks_uri: `${server.url}/oauth2/jwks` });
    expect(discovery.token_endpoint_auth_methods_supported).toEqual(['private_key_jwt']);
    const jwks = (await (await fetch(`${server.url}/oauth2/jwks`)).json()) as { keys: { kid: string }[] };
    expect(jwks.keys[0]!.kid).toBeTruthy();
  });

  it('issues a signed access token with iss, azp, client_id, scope, exp, jti and kid', async () => {
    const { status, body } = await requestToken(
      tokenEndpoint,
      await form('demo-bestelomgeving', {}, { scope: 'eduv.student.basic eduv.student.deliveryaddress' }),
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'eduv.student.basic eduv.student.deliveryaddress' });
    const { payload, protectedHeader } = await jwtVerify(body.access_token!, createLocalJWKSet(server.authorizationServer.jwks), { issuer: server.url });
    expect(protectedHeader.kid).toBeTruthy();
    expect(payload).toMatchObject({ azp: 'demo-bestelomgeving', client_id: 'demo-bestelomgeving', scope: 'eduv.student.basic eduv.student.deliveryaddress' });
    expect(payload.jti).toBeTruthy();
    expect(payload.exp! - payload.iat!).toBe(3600);
  });

  it('accepts PS256 assertions', async () => {
    const { status } = await requestToken(tokenEndpoint, await form('demo-toetssysteem'));
    expect(status).toBe(200);
  });

  const forged: [string, () => Promise<Record<string, string>>, string, RegExp][] = [
    [
      'unknown client',
      async () => ({ ...(await form('demo-bestelomgeving')), client_id: 'nobody' }),
      'invalid_client',
      /iss must equal client_id|unknown client/,
    ],
    [
      'unknown client, consistent assertion',
      async () => form('demo-bestelomgeving', { claims: { iss: 'nobody', sub: 'nobody' } }, { client_id: 'nobody' }),
      'invalid_client',
      /unknown client nobody/,
    ],
    ["bad signature (another client's key)", () => form('demo-bestelomgeving', { signWith: 'demo-dashboard' }), 'invalid_client', /signature does not verify/],
    [
      'alg none',
      async () => {
        const header = Buffer.from(JSON.stringify({ alg: 'none', kid: demoClient('demo-bestelomgeving').kid })).toString('base64url');
        const payload = Buffer.from(
          JSON.stringify({ iss: 'demo-bestelomgeving', sub: 'demo-bestelomgeving', aud: tokenEndpoint, iat: now(), exp: now() + 60, jti: 'x'.repeat(22) }),
        ).toString('base64url');
        return { ...(await form('demo-bestelomgeving')), client_assertion: `${header}.${payload}.` };
      },
      'invalid_client',
      /alg "none" is not accepted/,
    ],
    [
      'wrong aud',
      () => form('demo-bestelomgeving', { claims: { aud: 'https://elsewhere.example/token' } }),
      'invalid_client',
      /aud must be the token endpoint/,
    ],
    ['expired', () => form('demo-bestelomgeving', { claims: { iat: now() - 600, exp: now() - 300 } }), 'invalid_client', /expired/],
    ['iat in the future', () => form('demo-bestelomgeving', { claims: { iat: now() + 600, exp: now() + 660 } }), 'invalid_client', /iat is in the future/],
    ['lifetime too long', () => form('demo-bestelomgeving', { claims: { exp: now() + 3600 } }), 'invalid_client', /at most 300 seconds/],
    [
      'sub differs from client_id',
      () => form('demo-bestelomgeving', { claims: { sub: 'someone-else' } }),
      'invalid_client',
      /iss and sub must both be the client_id/,
    ],
    [
      'wrong assertion type',
      async () => ({ ...(await form('demo-bestelomgeving')), client_assertion_type: 'urn:x' }),
      'invalid_client',
      /client_assertion_type/,
    ],
    [
      'client secret instead of assertion',
      async () => ({ grant_type: 'client_credentials', client_id: 'demo-bestelomgeving', client_secret: 'x' }),
      'invalid_client',
      /client_assertion_type/,
    ],
    [
      'scope the role may not have',
      () => form('demo-toetssysteem', {}, { scope: 'eduv.student.basic eduv.student.deliveryaddress' }),
      'invalid_scope',
      /deliveryaddress/,
    ],
    [
      'a scope of an API the role does not call',
      () => form('demo-dashboard', {}, { scope: 'eduv.student.basic' }),
      'invalid_scope',
      /not allowed for Leermiddelendashboard: eduv.student.basic/,
    ],
    ['other grant type', async () => ({ ...(await form('demo-bestelomgeving')), grant_type: 'password' }), 'unsupported_grant_type', /client_credentials/],
  ];

  it.each(forged)('refuses %s', async (_name, build, error, description) => {
    const { status, body } = await requestToken(tokenEndpoint, await build());
    expect(body.error).toBe(error);
    expect(body.error_description).toMatch(description);
    expect(status).toBe(error === 'invalid_client' ? 401 : 400);
    expect(body.access_token).toBeUndefined();
  });

  it('refuses a replayed jti', async () => {
    const replayed = await form('demo-bestelomgeving');
    expect((await requestToken(tokenEndpoint, replayed)).status).toBe(200);
    const second = await requestToken(tokenEndpoint, replayed);
    expect(second.body).toMatchObject({ error: 'invalid_client', error_description: expect.stringMatching(/jti was already used/) });
  });
});

describe('resource server checks on the Students API', () => {
  const url = () => `${server.url}/students-api/v1/students/school?orgMasterId=${server.world.schools[0]!.orgMasterId}`;
  const call = async (token: string) => {
    const response = await fetch(url(), { headers: { authorization: `Bearer ${token}` } });
    return { status: response.status, body: (await response.json()) as { status?: number; statusMessage?: string } };
  };

  it('refuses a token signed by anyone but the authorization server', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const kid = server.authorizationServer.jwks.keys[0]!.kid!;
    const forgedToken = await new SignJWT({ client_id: 'demo-bestelomgeving', scope: 'eduv.student.basic' })
      .setProtectedHeader({ alg: 'RS256', kid })
      .setIssuer(server.url)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
    const { status, body } = await call(forgedToken);
    expect(status).toBe(401);
    expect(body.statusMessage).toMatch(/signature does not verify/);
    expect(body.statusMessage).not.toContain(forgedToken);
  });

  it('refuses garbage and an unsigned token', async () => {
    expect((await call('not-a-jwt')).body.statusMessage).toMatch(/not a well-formed signed JWT/);
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ iss: server.url, client_id: 'x', exp: now() + 60 })).toString('base64url')}.`;
    expect((await call(unsigned)).status).toBe(401);
  });
});
