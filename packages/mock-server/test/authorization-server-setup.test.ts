import { createLocalJWKSet, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { createAuthorizationServer } from '../src/auth/authorization-server';
import { loadClients, MOCK_REGISTRIES } from '../src/index';
import { clientAssertion, JWT_BEARER } from './support/assertions';

/**
 * What `createAuthorizationServer` and `loadClients` decide once, when the server is built: every
 * test builds its own server inside the test (not in a beforeAll), so that a mutation run
 * (mutation/README.md) attributes that setup code to the tests that depend on it.
 */
const ISSUER = 'http://127.0.0.1:4998';
const NOW = 1_800_000_000;

const build = (options: { issuer?: string; clients?: ReturnType<typeof loadClients>['clients']; tokenLifetimeSeconds?: number } = {}) =>
  createAuthorizationServer({
    issuer: options.issuer ?? ISSUER,
    clients: options.clients ?? loadClients().clients,
    registries: MOCK_REGISTRIES,
    now: () => new Date(NOW * 1000),
    ...(options.tokenLifetimeSeconds ? { tokenLifetimeSeconds: options.tokenLifetimeSeconds } : {}),
  });

async function token(server: Awaited<ReturnType<typeof build>>, clientId: string, signWith = clientId) {
  const assertion = await clientAssertion(signWith, `${ISSUER}/oauth2/token`, { claims: { iss: clientId, sub: clientId, iat: NOW, exp: NOW + 60 } });
  const form = {
    grant_type: 'client_credentials',
    client_id: clientId,
    client_assertion_type: JWT_BEARER,
    client_assertion: assertion,
    scope: 'eduv.student.basic',
  };
  const answer = (await server.handle(
    new Request(`${ISSUER}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form),
    }),
  ))!;
  return { status: answer.status, body: (await answer.json()) as Record<string, string | number> };
}

describe('building the authorization server', () => {
  it('reads the demo clients file: every client with an id, a role, a key and a private key file', () => {
    const { clients } = loadClients();
    expect(clients.map((client) => client.clientId)).toContain('demo-bestelomgeving');
    for (const client of clients) {
      expect(client.role).toEqual(expect.any(String));
      expect(client.jwks.keys.length).toBeGreaterThan(0);
      expect(client.privateKeyFile).toMatch(/\/keys\/demo-[a-z]+\.dev-only\.pem$/);
    }
  });

  it('drops every trailing slash of the issuer, and publishes endpoints and one RS256 signing key under it', async () => {
    const server = await build({ issuer: `${ISSUER}//` });
    expect(server.issuer).toBe(ISSUER);
    expect(server.tokenEndpoint).toBe(`${ISSUER}/oauth2/token`);
    const discovery = (await (await server.handle(new Request(`${ISSUER}/.well-known/openid-configuration`)))!.json()) as Record<string, unknown>;
    expect(discovery).toMatchObject({
      issuer: ISSUER,
      token_endpoint: `${ISSUER}/oauth2/token`,
      jwks_uri: `${ISSUER}/oauth2/jwks`,
      token_endpoint_auth_methods_supported: ['private_key_jwt'],
    });
    expect(server.jwks.keys).toHaveLength(1);
    const [key] = server.jwks.keys;
    expect(key).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: expect.any(String) });
    // 2048 bits: 256 bytes of modulus, 342 base64url characters.
    expect(key!.n).toHaveLength(342);
  });

  it('issues a token a registered client asked for, valid for the default hour, to that client only', async () => {
    const server = await build();
    const answer = await token(server, 'demo-bestelomgeving');
    expect(answer).toMatchObject({ status: 200, body: { expires_in: 3600, scope: 'eduv.student.basic' } });
    const { payload } = await jwtVerify(String(answer.body.access_token), createLocalJWKSet(server.jwks), {
      issuer: ISSUER,
      currentDate: new Date(NOW * 1000),
    });
    expect(payload).toMatchObject({ client_id: 'demo-bestelomgeving', exp: NOW + 3600 });
    expect((await build({ tokenLifetimeSeconds: 600 }).then((other) => token(other, 'demo-bestelomgeving'))).body.expires_in).toBe(600);
  });

  it('grants a role the scopes of the APIs it calls, the delivery address only to the ordering environment', async () => {
    const server = await build();
    expect(server.allowedScopes('demo-bestelomgeving')).toContain('eduv.student.deliveryaddress');
    // The toetssysteem calls the Students API too, but is not the ordering environment.
    expect(server.allowedScopes('demo-toetssysteem')).toContain('eduv.student.basic');
    expect(server.allowedScopes('demo-toetssysteem')).not.toContain('eduv.student.deliveryaddress');
    expect(server.allowedScopes('unknown-client')).toBeUndefined();
  });

  it('grants a role that answers a chain request the scopes of the confirmation it sends, and nothing more', async () => {
    const [template] = loadClients().clients;
    const as = (clientId: string, role: string) => ({ ...template!, clientId, role });
    const server = await build({ clients: [as('ordersysteem', 'Ordersysteem leermiddelen'), as('licentieregistratie', 'Licentieregistratie')] });
    expect(server.allowedScopes('ordersysteem')).toEqual(new Set(ORDERSYSTEEM_SCOPES));
    expect(server.allowedScopes('licentieregistratie')).toEqual(new Set(LICENTIEREGISTRATIE_SCOPES));
  });
});

// From the registries: the Ordersysteem confirms orders (eduv.order) and calls no API; the
// Licentieregistratie confirms entitlements (licensor or portal) and activation codes, and calls
// the Delivery and Usage APIs.
const ORDERSYSTEEM_SCOPES = ['eduv.order'];
const LICENTIEREGISTRATIE_SCOPES = [
  'entitlement.licensor',
  'entitlement.portal',
  'activationcode',
  'eduv.delivery',
  'eduv.delivery.read',
  'usage.seller',
  'usage.entitlor',
  'usage.dashboard',
  'usage.licensor',
];
