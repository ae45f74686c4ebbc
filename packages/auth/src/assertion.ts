import { randomBytes } from 'node:crypto';
import { EduvConfigError, systemClock, type Clock } from '@eduvkit/core';
import { SignJWT } from 'jose';
import { assertKeyId, assertSigningAlgorithm, loadPrivateKey, type PrivateKeyInput, type SigningAlgorithm } from './keys';

export const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
export const DEFAULT_ASSERTION_LIFETIME_SECONDS = 60;
export const MAX_ASSERTION_LIFETIME_SECONDS = 300;

export interface ClientAssertionOptions {
  readonly clientId: string;
  /** The token endpoint URL: the `aud` of the assertion. */
  readonly audience: string;
  readonly key: PrivateKeyInput;
  readonly keyId: string;
  readonly algorithm?: SigningAlgorithm;
  /** Seconds until `exp`; 1 to 300, default 60. */
  readonly lifetimeSeconds?: number;
  /** The clock `iat` and `exp` are read from; default the system clock. */
  readonly now?: Clock;
}

export function assertLifetime(lifetimeSeconds: number): void {
  if (!Number.isInteger(lifetimeSeconds) || lifetimeSeconds < 1 || lifetimeSeconds > MAX_ASSERTION_LIFETIME_SECONDS) {
    throw new EduvConfigError(`assertion lifetime must be a whole number of seconds from 1 to ${MAX_ASSERTION_LIFETIME_SECONDS}`);
  }
}

/**
 * Signs a `private_key_jwt` client assertion (RFC 7523): iss = sub = client id, aud = token
 * endpoint, a short expiry and a fresh 256-bit `jti`.
 */
export async function createClientAssertion(options: ClientAssertionOptions): Promise<string> {
  const algorithm = options.algorithm ?? 'RS256';
  const lifetimeSeconds = options.lifetimeSeconds ?? DEFAULT_ASSERTION_LIFETIME_SECONDS;
  assertSigningAlgorithm(algorithm);
  assertLifetime(lifetimeSeconds);
  assertKeyId(options.keyId);
  if (typeof options.clientId !== 'string' || options.clientId.trim() === '') {
    throw new EduvConfigError('clientId must be a non-empty string');
  }
  if (!URL.canParse(options.audience)) {
    throw new EduvConfigError('audience must be the absolute URL of the token endpoint');
  }
  const key = loadPrivateKey(options.key);
  const issuedAt = Math.floor((options.now ?? systemClock)().getTime() / 1000);
  return new SignJWT()
    .setProtectedHeader({ alg: algorithm, kid: options.keyId, typ: 'JWT' })
    .setIssuer(options.clientId)
    .setSubject(options.clientId)
    .setAudience(options.audience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + lifetimeSeconds)
    .setJti(randomBytes(32).toString('base64url'))
    .sign(key);
}
