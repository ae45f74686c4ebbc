import { randomUUID } from 'node:crypto';
import { calculateJwkThumbprint, createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JSONWebKeySet } from 'jose';
import { systemClock, type ApiRegistry, type Clock } from '@eduvkit/core';
import { createAccessTokenVerifier, type BronRequest, type CallerContext } from '@eduvkit/core/server';
import type { RegisteredClient } from './client-registry';
import { OAuthError } from './oauth-errors';
import { ReplayCache } from './replay-cache';
import { scopesForRole } from './role-scopes';
import { ASSERTION_ALGORITHMS, CLIENT_ASSERTION_TYPE, claimedClientId, verifyClientAssertion } from './verify-client-assertion';

export interface AuthorizationServerOptions {
  /** Issuer URL, e.g. http://127.0.0.1:4010; endpoints live under it. */
  readonly issuer: string;
  readonly clients: readonly RegisteredClient[];
  /** The APIs served: their calling roles and scopes decide what each client may get. */
  readonly registries: readonly ApiRegistry[];
  /** Access-token lifetime; default 3600 s (NL GOV recommends at most 6 hours). */
  readonly tokenLifetimeSeconds?: number;
  readonly maxAssertionLifetimeSeconds?: number;
  readonly clockSkewSeconds?: number;
  /** The clock tokens and assertions are checked against; default the system clock. */
  readonly now?: Clock;
}

export interface AuthorizationServer {
  readonly issuer: string;
  readonly tokenEndpoint: string;
  readonly jwksUri: string;
  readonly jwks: JSONWebKeySet;
  /** Token requests answered with a token, for tests and the admin view. */
  readonly stats: { tokensIssued: number; tokenRequests: number };
  /** Scopes a registered client may be granted. */
  allowedScopes(clientId: string): ReadonlySet<string> | undefined;
  /** Answers discovery, JWKS and token requests; undefined for other paths. */
  handle(request: Request): Promise<Response | undefined>;
  /** The resource-server check the mock's brons run: a token this server issued. */
  readonly verifyAccessToken: (request: BronRequest) => CallerContext | Promise<CallerContext>;
  /**
   * A token the mock itself presents when it pushes to a client (notifications): issued by this
   * server to the mock (`sub`), for that client (`aud`), so the receiver can verify the sender.
   */
  /** A token of the mock itself for a push to `audience` (a client id); default scope `notifications`. */
  issueProducerToken(audience: string, scopes?: readonly string[]): Promise<string>;
}

/** The client id the mock uses for itself when it pushes notifications. */
export const PRODUCER_CLIENT_ID = 'eduvkit-mock-producer';

const json = (body: unknown, status = 200): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', 'cache-control': 'no-store', pragma: 'no-cache' } });

/** The mock's OAuth 2.0 authorization server: client credentials with private_key_jwt only. */
export async function createAuthorizationServer(options: AuthorizationServerOptions): Promise<AuthorizationServer> {
  const issuer = options.issuer.replace(/\/+$/, '');
  const tokenEndpoint = `${issuer}/oauth2/token`;
  const jwksUri = `${issuer}/oauth2/jwks`;
  const clock = options.now ?? systemClock;
  const now = (): number => clock().getTime();
  const lifetime = options.tokenLifetimeSeconds ?? 3600;
  const clients = new Map(options.clients.map((client) => [client.clientId, client]));
  const allowed = new Map(options.clients.map((client) => [client.clientId, scopesForRole(client.role, options.registries)]));
  const replays = new ReplayCache();
  const stats = { tokensIssued: 0, tokenRequests: 0 };

  const { publicKey, privateKey } = await generateKeyPair('RS256', { modulusLength: 2048 });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  const jwks: JSONWebKeySet = { keys: [{ ...publicJwk, kid, alg: 'RS256', use: 'sig' }] };
  const discovery = {
    issuer,
    token_endpoint: tokenEndpoint,
    jwks_uri: jwksUri,
    grant_types_supported: ['client_credentials'],
    token_endpoint_auth_methods_supported: ['private_key_jwt'],
    token_endpoint_auth_signing_alg_values_supported: ASSERTION_ALGORITHMS,
    scopes_supported: [...new Set(options.registries.flatMap((registry) => registry.scopes))],
  };

  const grantScopes = (client: RegisteredClient, requested: string | null): string[] => {
    const permitted = allowed.get(client.clientId)!;
    const asked = (requested ?? '').split(' ').filter(Boolean);
    if (!asked.length) {
      if (!permitted.size) throw new OAuthError('invalid_scope', `client ${client.clientId} (${client.role}) may not be granted any scope here`);
      return [...permitted].sort();
    }
    const refused = asked.filter((scope) => !permitted.has(scope));
    if (refused.length) {
      throw new OAuthError('invalid_scope', `scope not allowed for ${client.role}: ${refused.join(' ')}`);
    }
    return [...new Set(asked)].sort();
  };

  const issueToken = async (request: Request): Promise<Response> => {
    stats.tokenRequests += 1;
    if (request.method !== 'POST') throw new OAuthError('invalid_request', 'the token endpoint takes POST');
    if (!/^application\/x-www-form-urlencoded\b/i.test(request.headers.get('content-type') ?? '')) {
      throw new OAuthError('invalid_request', 'send the token request as application/x-www-form-urlencoded');
    }
    const form = new URLSearchParams(await request.text());
    if (form.get('grant_type') !== 'client_credentials') {
      throw new OAuthError('unsupported_grant_type', 'only grant_type=client_credentials is supported');
    }
    if (form.get('client_assertion_type') !== CLIENT_ASSERTION_TYPE) {
      throw new OAuthError('invalid_client', `client_assertion_type must be ${CLIENT_ASSERTION_TYPE} (private_key_jwt)`);
    }
    const assertion = form.get('client_assertion');
    if (!assertion) throw new OAuthError('invalid_client', 'client_assertion is missing');
    const clientId = claimedClientId(assertion, form.get('client_id'));
    const client = clients.get(clientId);
    if (!client) throw new OAuthError('invalid_client', `unknown client ${clientId.slice(0, 100)}`);
    const nowSeconds = Math.floor(now() / 1000);
    await verifyClientAssertion(
      assertion,
      client,
      {
        tokenEndpoint,
        clockSkewSeconds: options.clockSkewSeconds ?? 60,
        maxLifetimeSeconds: options.maxAssertionLifetimeSeconds ?? 300,
        nowSeconds,
      },
      replays,
    );
    const scopes = grantScopes(client, form.get('scope'));
    const accessToken = await new SignJWT({ client_id: client.clientId, azp: client.clientId, scope: scopes.join(' ') })
      .setProtectedHeader({ alg: 'RS256', kid, typ: 'at+jwt' })
      .setIssuer(issuer)
      .setSubject(client.clientId)
      .setIssuedAt(nowSeconds)
      .setExpirationTime(nowSeconds + lifetime)
      .setJti(randomUUID())
      .sign(privateKey);
    stats.tokensIssued += 1;
    return json({ access_token: accessToken, token_type: 'Bearer', expires_in: lifetime, scope: scopes.join(' ') });
  };

  return {
    issuer,
    tokenEndpoint,
    jwksUri,
    jwks,
    stats,
    allowedScopes: (clientId) => allowed.get(clientId),
    issueProducerToken: async (audience, scopes = ['notifications']) => {
      const nowSeconds = Math.floor(now() / 1000);
      return new SignJWT({ client_id: PRODUCER_CLIENT_ID, azp: PRODUCER_CLIENT_ID, scope: scopes.join(' ') })
        .setProtectedHeader({ alg: 'RS256', kid, typ: 'at+jwt' })
        .setIssuer(issuer)
        .setSubject(PRODUCER_CLIENT_ID)
        .setAudience(audience)
        .setIssuedAt(nowSeconds)
        .setExpirationTime(nowSeconds + 300)
        .setJti(randomUUID())
        .sign(privateKey);
    },
    verifyAccessToken: createAccessTokenVerifier({ issuer, keys: createLocalJWKSet(jwks), now: clock }),
    async handle(request) {
      const { pathname } = new URL(request.url);
      if (pathname === '/.well-known/openid-configuration') return json(discovery);
      if (pathname === '/oauth2/jwks') return json(jwks);
      if (pathname !== '/oauth2/token') return undefined;
      try {
        return await issueToken(request);
      } catch (error) {
        if (error instanceof OAuthError) return error.toResponse();
        throw error;
      }
    },
  };
}
