import { createPrivateKey, randomBytes, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath, URL, URLSearchParams } from 'node:url';
import { Buffer } from 'node:buffer';

// The mock's dev-only demo client: its key is published on purpose (packages/mock-server/demo/README.md).
const CLIENT_ID = 'demo-bestelomgeving';
const KEY_ID = '7x-rRq5_TBy9fBp0VpTINiMOEdPIDSIduriAjBJvzyM';
const KEY_FILE = fileURLToPath(new URL('../../../../mock-server/demo/keys/demo-bestelomgeving.dev-only.pem', import.meta.url));

/**
 * @typedef {object} TokenClientOptions
 * @property {string} issuer
 * @property {{ clientId: string, keyFile: string, keyId: string }} [own] the supplier's own client instead of the demo client
 * @property {number} [jtiHexDigits] hex digits of randomness in each assertion's jti; 64 (256 bits) unless a defect shortens it
 */

/** @param {object} value */
const segment = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * A deliberately small private_key_jwt client, so each test defect can be one switch away from right.
 * Plain JavaScript, so each test run starts it with bare node, without a TypeScript loader.
 * @param {TokenClientOptions} options
 */
export function createTokenClient(options) {
  const clientId = options.own?.clientId ?? CLIENT_ID;
  const keyId = options.own?.keyId ?? KEY_ID;
  const key = createPrivateKey(readFileSync(options.own?.keyFile ?? KEY_FILE, 'utf8'));
  /** @type {string | undefined} */
  let tokenEndpoint;
  /** @type {Map<string, { token: string, expiresAt: number }>} */
  const held = new Map();

  async function endpoint() {
    if (!tokenEndpoint) {
      const discovery = await (await globalThis.fetch(`${options.issuer}/.well-known/openid-configuration`)).json();
      tokenEndpoint = discovery.token_endpoint;
    }
    return tokenEndpoint;
  }

  /** @param {string} audience */
  function assertion(audience) {
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      iss: clientId,
      sub: clientId,
      aud: audience,
      iat: now,
      exp: now + 60,
      jti: randomBytes(32)
        .toString('hex')
        .slice(0, options.jtiHexDigits ?? 64),
    };
    const unsigned = `${segment({ alg: 'RS256', kid: keyId, typ: 'JWT' })}.${segment(claims)}`;
    return `${unsigned}.${sign('sha256', Buffer.from(unsigned), key).toString('base64url')}`;
  }

  /** @param {readonly string[]} scopes */
  async function fetchToken(scopes) {
    const audience = await endpoint();
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: assertion(audience),
    });
    if (scopes.length) form.set('scope', scopes.join(' '));
    const response = await globalThis.fetch(audience, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form });
    if (!response.ok) throw new Error(`token request refused: HTTP ${response.status} ${await response.text()}`);
    const body = await response.json();
    return { token: body.access_token, expiresAt: Date.now() + body.expires_in * 1000 };
  }

  return {
    /**
     * A held token for these scopes while it has a minute left, else a fresh one; `fresh` forces one.
     * @param {readonly string[]} scopes
     */
    async token(scopes, fresh = false) {
      const key = scopes.join(' ');
      const current = held.get(key);
      if (!fresh && current && current.expiresAt - Date.now() > 60_000) return current.token;
      const next = await fetchToken(scopes);
      held.set(key, next);
      return next.token;
    },
  };
}
