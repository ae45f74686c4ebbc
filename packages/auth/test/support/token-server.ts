import { randomBytes, randomUUID } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { systemClock, type Clock } from '@eduvkit/core';
import { decodeProtectedHeader, exportJWK, generateKeyPair, importJWK, jwtVerify, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';

export interface RegisteredClient {
  readonly clientId: string;
  /** The client's public JWK, with `kid`. */
  readonly publicJwk: JWK;
  readonly algorithm: 'RS256' | 'PS256';
}

export interface TokenRequestRecord {
  readonly clientId: string;
  readonly scope: string | undefined;
  readonly assertion: string;
  readonly header: Record<string, unknown>;
  readonly claims: JWTPayload;
  readonly accessToken: string | undefined;
  /** Subject CN of the TLS client certificate, when there was one. */
  readonly peerCommonName: string | undefined;
}

export interface Reply {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Record<string, string>;
}

export interface TokenServerOptions {
  readonly clients: readonly RegisteredClient[];
  /** Shared with the client under test when it uses a fake clock. */
  readonly now?: Clock;
  readonly tls?: { key: string; cert: string; ca: string };
}

/** A small authorisation server that really verifies the client assertion, as an Edu-V AS would. */
export interface TokenServer {
  readonly issuer: string;
  readonly tokenUrl: string;
  readonly origin: string;
  readonly tokenRequests: TokenRequestRecord[];
  /** Why assertions were refused: should stay empty in tests that expect success. */
  readonly rejections: string[];
  /** TLS handshake failures the server saw (client certificate missing or untrusted). */
  readonly tlsErrors: string[];
  /** Every `jti` seen, to prove each assertion got a fresh one. */
  readonly jtis: Set<string>;
  discoveryRequests: number;
  redirectTargetHits: number;
  /** The scope of each token request whose client went away before the answer. */
  readonly abortedScopes: Array<string | undefined>;
  tokenLifetimeSeconds: number;
  includeExpiresIn: boolean;
  opaqueTokens: boolean;
  delayMs: number;
  /** Replaces the token endpoint's answer (after the assertion was checked). */
  override: ((record: TokenRequestRecord) => Reply | undefined) | undefined;
  /** Replaces the discovery document. */
  discoveryDocument: Record<string, unknown> | undefined;
  verifyAccessToken(token: string): Promise<JWTPayload>;
  close(): Promise<void>;
}

const MAX_ASSERTION_LIFETIME = 300;

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(response: ServerResponse, reply: Reply): void {
  const body = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
  response.writeHead(reply.status, {
    'Content-Type': typeof reply.body === 'string' ? 'text/html' : 'application/json',
    'Cache-Control': 'no-store',
    ...reply.headers,
  });
  response.end(body);
}

export async function startTokenServer(options: TokenServerOptions): Promise<TokenServer> {
  const clock = options.now ?? systemClock;
  const now = (): number => clock().getTime();
  const signingKey = await generateKeyPair('ES256');
  const signingJwk = { ...(await exportJWK(signingKey.publicKey)), kid: 'as-key-1', alg: 'ES256', use: 'sig' };
  const clientKeys = new Map<string, { client: RegisteredClient; key: CryptoKey | Uint8Array }>();
  for (const client of options.clients) {
    clientKeys.set(client.clientId, { client, key: await importJWK(client.publicJwk, client.algorithm) });
  }

  const state = {
    tokenRequests: [] as TokenRequestRecord[],
    rejections: [] as string[],
    tlsErrors: [] as string[],
    jtis: new Set<string>(),
    discoveryRequests: 0,
    redirectTargetHits: 0,
    abortedScopes: [] as Array<string | undefined>,
    tokenLifetimeSeconds: 3600,
    includeExpiresIn: true,
    opaqueTokens: false,
    delayMs: 0,
    override: undefined as TokenServer['override'],
    discoveryDocument: undefined as Record<string, unknown> | undefined,
  };
  let origin = '';
  const issuer = () => `${origin}/as`;
  const tokenUrl = () => `${origin}/as/token`;

  const reject = (reason: string): Reply => {
    state.rejections.push(reason);
    return { status: 401, body: { error: 'invalid_client', error_description: reason } };
  };

  async function issue(clientId: string, scope: string | undefined): Promise<string> {
    if (state.opaqueTokens) return randomBytes(24).toString('base64url');
    const issuedAt = Math.floor(now() / 1000);
    return new SignJWT({ azp: clientId, client_id: clientId, ...(scope === undefined ? {} : { scope }) })
      .setProtectedHeader({ alg: 'ES256', kid: signingJwk.kid, typ: 'at+jwt' })
      .setIssuer(issuer())
      .setSubject(clientId)
      .setAudience(['eduv'])
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + state.tokenLifetimeSeconds)
      .setJti(randomUUID())
      .sign(signingKey.privateKey);
  }

  async function token(request: IncomingMessage, onScope: (scope: string | undefined) => void): Promise<Reply> {
    if (request.headers['content-type'] !== 'application/x-www-form-urlencoded') {
      return { status: 400, body: { error: 'invalid_request', error_description: 'wrong content type' } };
    }
    const form = new URLSearchParams(await readBody(request));
    onScope(form.get('scope') ?? undefined);
    if (form.get('grant_type') !== 'client_credentials') {
      return { status: 400, body: { error: 'unsupported_grant_type' } };
    }
    if (form.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer') {
      return reject('wrong client_assertion_type');
    }
    const clientId = form.get('client_id') ?? '';
    const assertion = form.get('client_assertion') ?? '';
    const registered = clientKeys.get(clientId);
    if (registered === undefined) return reject(`unknown client ${clientId}`);
    let header: Record<string, unknown>;
    let claims: JWTPayload;
    try {
      header = decodeProtectedHeader(assertion);
      if (header.kid !== registered.client.publicJwk.kid) return reject(`unknown kid ${String(header.kid)}`);
      ({ payload: claims } = await jwtVerify(assertion, registered.key, {
        algorithms: [registered.client.algorithm],
        issuer: clientId,
        subject: clientId,
        audience: tokenUrl(),
        typ: 'JWT',
        currentDate: new Date(now()),
        requiredClaims: ['iat', 'exp', 'jti'],
      }));
    } catch (error) {
      return reject(`assertion rejected: ${error instanceof Error ? error.message : String(error)}`);
    }
    const { iat = 0, exp = 0, jti = '' } = claims;
    if (exp - iat > MAX_ASSERTION_LIFETIME) return reject(`assertion lives ${exp - iat} s`);
    if (Buffer.from(jti, 'base64url').length < 16) return reject('jti has less than 128 bits');
    if (state.jtis.has(jti)) return reject('jti reused');
    state.jtis.add(jti);

    const scope = form.get('scope') ?? undefined;
    const peer = (request.socket as Partial<TLSSocket>).getPeerCertificate?.();
    const peerCommonName = peer && 'subject' in peer && peer.subject ? String(peer.subject.CN) : undefined;
    const base = { clientId, scope, assertion, header, claims, peerCommonName };
    const overridden = state.override?.({ ...base, accessToken: undefined });
    if (overridden !== undefined) {
      state.tokenRequests.push({ ...base, accessToken: undefined });
      return overridden;
    }
    const accessToken = await issue(clientId, scope);
    state.tokenRequests.push({ ...base, accessToken });
    return {
      status: 200,
      body: {
        access_token: accessToken,
        token_type: 'Bearer',
        ...(state.includeExpiresIn ? { expires_in: state.tokenLifetimeSeconds } : {}),
        ...(scope === undefined ? {} : { scope }),
      },
    };
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (request.method === 'GET' && path === '/as/.well-known/openid-configuration') {
      state.discoveryRequests += 1;
      send(response, {
        status: 200,
        body: state.discoveryDocument ?? {
          issuer: issuer(),
          token_endpoint: tokenUrl(),
          jwks_uri: `${origin}/as/jwks`,
          token_endpoint_auth_methods_supported: ['private_key_jwt'],
          token_endpoint_auth_signing_alg_values_supported: ['RS256', 'PS256'],
          grant_types_supported: ['client_credentials'],
        },
      });
      return;
    }
    if (request.method === 'GET' && path === '/as/jwks') {
      send(response, { status: 200, body: { keys: [signingJwk] } });
      return;
    }
    if (request.method === 'POST' && path === '/as/redirecting-token') {
      send(response, { status: 307, body: {}, headers: { Location: `${origin}/as/redirect-target` } });
      return;
    }
    if (path === '/as/redirect-target') {
      state.redirectTargetHits += 1;
      await readBody(request);
      send(response, { status: 200, body: { access_token: 'stolen', token_type: 'Bearer' } });
      return;
    }
    if (request.method === 'POST' && path === '/as/token') {
      let finished = false;
      let scope: string | undefined;
      response.on('close', () => {
        if (!finished) state.abortedScopes.push(scope);
      });
      const reply = await token(request, (requested) => (scope = requested));
      if (state.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, state.delayMs));
      if (response.destroyed) return;
      finished = true;
      send(response, reply);
      return;
    }
    send(response, { status: 404, body: { error: 'not_found' } });
  }

  const listener = (request: IncomingMessage, response: ServerResponse) => {
    handle(request, response).catch((error: unknown) => {
      state.rejections.push(`server error: ${String(error)}`);
      if (!response.headersSent) send(response, { status: 500, body: { error: 'server_error' } });
    });
  };
  const server: Server = options.tls
    ? createHttpsServer({ ...options.tls, requestCert: true, rejectUnauthorized: true }, listener)
    : createHttpServer(listener);
  server.on('tlsClientError', (error: Error, socket: TLSSocket) => {
    // An untrusted certificate passes OpenSSL's handshake; Node then destroys the socket and says why here.
    state.tlsErrors.push(`${error.message} ${String(socket.authorizationError ?? '')}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`;

  const serverPublicKey = await importJWK(signingJwk, 'ES256');
  return Object.assign(state, {
    issuer: issuer(),
    tokenUrl: tokenUrl(),
    origin,
    async verifyAccessToken(accessToken: string) {
      const { payload } = await jwtVerify(accessToken, serverPublicKey, {
        issuer: issuer(),
        algorithms: ['ES256'],
        currentDate: new Date(now()),
      });
      return payload;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  });
}
