import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { importPKCS8, SignJWT, type JWTPayload } from 'jose';
import { loadClients } from '../../src/index';

const clients = loadClients().clients;

export function demoClient(clientId: string) {
  const client = clients.find((candidate) => candidate.clientId === clientId);
  if (!client?.privateKeyFile) throw new Error(`no demo client ${clientId}`);
  const jwk = client.jwks.keys[0]!;
  return { client, kid: jwk.kid!, alg: jwk.alg!, pem: readFileSync(client.privateKeyFile, 'utf8') };
}

export interface AssertionOverrides {
  claims?: JWTPayload;
  header?: Record<string, unknown>;
  /** Sign with another client's key. */
  signWith?: string;
}

/** A client assertion as a correct client builds it, with whatever a test wants to break. */
export async function clientAssertion(clientId: string, tokenEndpoint: string, overrides: AssertionOverrides = {}): Promise<string> {
  const signer = demoClient(overrides.signWith ?? clientId);
  const own = demoClient(clientId);
  const now = Math.floor(Date.now() / 1000);
  const key = await importPKCS8(signer.pem, signer.alg);
  return new SignJWT({
    iss: clientId,
    sub: clientId,
    aud: tokenEndpoint,
    iat: now,
    exp: now + 60,
    jti: randomBytes(16).toString('base64url'),
    ...overrides.claims,
  })
    .setProtectedHeader({ alg: own.alg, kid: own.kid, typ: 'JWT', ...overrides.header })
    .sign(key);
}

export async function requestToken(tokenEndpoint: string, form: Record<string, string>) {
  const response = await fetch(tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
  return { status: response.status, body: (await response.json()) as Record<string, string> };
}

export const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

export async function demoToken(tokenEndpoint: string, clientId: string, scope?: string): Promise<string> {
  const { status, body } = await requestToken(tokenEndpoint, {
    grant_type: 'client_credentials',
    client_id: clientId,
    client_assertion_type: JWT_BEARER,
    client_assertion: await clientAssertion(clientId, tokenEndpoint),
    ...(scope ? { scope } : {}),
  });
  if (status !== 200) throw new Error(`token request failed: ${JSON.stringify(body)}`);
  return body.access_token!;
}
