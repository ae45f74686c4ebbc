// How the benchmarks authenticate against the eduvkit mock. Older mocks accept any bearer token;
// newer ones (auth: 'oauth', the default there) want an access token from the mock's own
// authorization server: client credentials with private_key_jwt, using the published dev-only
// demo clients. Signing uses node:crypto only, so the bench needs no JOSE library.
import { randomBytes, sign, constants } from 'node:crypto';
import { readFileSync } from 'node:fs';

export const ANY_BEARER = 'Bearer eduvkit-bench-token';

type Send = (request: Request) => Promise<Response>;

export interface DemoClient {
  clientId: string;
  role?: string;
  privateKeyFile?: string;
  algorithm?: string;
  jwks?: { keys: { kid?: string; alg?: string }[] };
}

/** What a started mock (`startMockServer` / `createMockApp`) exposes that matters here; all optional. */
export interface MockAppLike {
  clients?: readonly DemoClient[];
  authorizationServer?: { tokenEndpoint: string };
}

export interface MockAuth {
  authorization: string;
  /** Human-readable, for RESULTS.md. */
  mode: string;
}

const base64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

export function clientAssertion(client: DemoClient, tokenEndpoint: string): string {
  const jwk = client.jwks?.keys[0];
  const alg = jwk?.alg ?? client.algorithm ?? 'RS256';
  const now = Math.floor(Date.now() / 1000);
  const header = base64url(JSON.stringify({ alg, typ: 'JWT', ...(jwk?.kid ? { kid: jwk.kid } : {}) }));
  const claims = base64url(
    JSON.stringify({ iss: client.clientId, sub: client.clientId, aud: tokenEndpoint, iat: now, exp: now + 60, jti: randomBytes(16).toString('base64url') }),
  );
  const input = `${header}.${claims}`;
  const pem = readFileSync(client.privateKeyFile!, 'utf8');
  const hash = `sha${alg.slice(2)}`;
  const signature = alg.startsWith('PS')
    ? sign(hash, Buffer.from(input), { key: pem, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: Number(alg.slice(2)) / 8 })
    : alg.startsWith('RS')
      ? sign(hash, Buffer.from(input), pem)
      : undefined;
  if (!signature) throw new Error(`bench auth: unsupported client algorithm ${alg}`);
  return `${input}.${base64url(signature)}`;
}

async function requestToken(send: Send, tokenEndpoint: string, client: DemoClient): Promise<string | undefined> {
  const response = await send(
    new Request(tokenEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: client.clientId,
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: clientAssertion(client, tokenEndpoint),
      }),
    }),
  );
  const body = (await response.json()) as { access_token?: string };
  return response.status === 200 ? body.access_token : undefined;
}

async function answersList(send: Send, probeUrl: string, authorization: string, expected: number): Promise<boolean> {
  const response = await send(new Request(probeUrl, { headers: { authorization, accept: 'application/json' } }));
  const text = await response.text();
  if (response.status !== 200) return false;
  const body = JSON.parse(text) as unknown;
  return Array.isArray(body) && body.length === expected;
}

/**
 * The Authorization header that gets the full `expected`-student list from `probeUrl`: any bearer
 * token if the mock takes one, else an access token of the first demo client that gets the list
 * (no `scope` asked: the mock grants every scope the client may have, so no attribute is held back).
 */
export async function mockAuthorization(send: Send, probeUrl: string, app: MockAppLike, expected: number): Promise<MockAuth> {
  if (await answersList(send, probeUrl, ANY_BEARER, expected)) {
    return { authorization: ANY_BEARER, mode: 'any bearer token accepted (no token verification)' };
  }
  const tokenEndpoint = app.authorizationServer?.tokenEndpoint;
  if (tokenEndpoint) {
    for (const client of app.clients ?? []) {
      if (!client.privateKeyFile) continue;
      const token = await requestToken(send, tokenEndpoint, client).catch(() => undefined);
      if (token && (await answersList(send, probeUrl, `Bearer ${token}`, expected))) {
        return {
          authorization: `Bearer ${token}`,
          mode: `OAuth access token of demo client \`${client.clientId}\` from the mock's own token endpoint (default \`auth: 'oauth'\`: the token's signature is verified on every request)`,
        };
      }
    }
  }
  throw new Error(`bench auth: ${probeUrl} gave no ${expected}-student list, neither with any bearer token nor with a demo client's access token`);
}
