import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, errors, jwtVerify, type JWTPayload } from 'jose';
import type { RegisteredClient } from './client-registry';
import { OAuthError } from './oauth-errors';
import type { ReplayCache } from './replay-cache';

export const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
export const ASSERTION_ALGORITHMS = ['RS256', 'PS256'];

export interface AssertionPolicy {
  readonly tokenEndpoint: string;
  readonly clockSkewSeconds: number;
  readonly maxLifetimeSeconds: number;
  readonly nowSeconds: number;
}

const invalid = (description: string) => new OAuthError('invalid_client', description);

function describeVerificationError(error: unknown, policy: AssertionPolicy): string {
  if (error instanceof errors.JWTExpired) return 'client_assertion has expired (exp is in the past)';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return `client_assertion aud must be the token endpoint ${policy.tokenEndpoint}`;
    if (error.claim === 'iss' || error.claim === 'sub') return 'client_assertion iss and sub must both be the client_id';
    return `client_assertion claim ${error.claim} is missing or invalid`;
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return "client_assertion signature does not verify with the client's registered keys";
  if (error instanceof errors.JWKSNoMatchingKey) return "client_assertion kid matches none of the client's registered keys";
  if (error instanceof errors.JOSEAlgNotAllowed) return `client_assertion alg must be one of ${ASSERTION_ALGORITHMS.join(', ')}`;
  return 'client_assertion is not a valid signed JWT';
}

/** Finds the client an assertion claims to come from, before anything is verified. */
export function claimedClientId(assertion: string, clientIdParameter: string | null): string {
  let claims: JWTPayload;
  try {
    const header = decodeProtectedHeader(assertion);
    if (typeof header.alg !== 'string' || !ASSERTION_ALGORITHMS.includes(header.alg)) {
      throw invalid(`client_assertion alg "${String(header.alg)}" is not accepted; use ${ASSERTION_ALGORITHMS.join(' or ')}`);
    }
    if (typeof header.kid !== 'string' || !header.kid) throw invalid('client_assertion header has no kid');
    claims = decodeJwt(assertion);
  } catch (error) {
    if (error instanceof OAuthError) throw error;
    throw invalid('client_assertion is not a signed JWT (header.payload.signature)');
  }
  const clientId = clientIdParameter ?? (typeof claims.iss === 'string' ? claims.iss : undefined);
  if (!clientId) throw invalid('client_id is missing');
  if (clientIdParameter && claims.iss !== clientIdParameter) throw invalid('client_assertion iss must equal client_id');
  return clientId;
}

/**
 * Verifies a private_key_jwt client assertion against the client's registered keys: signature,
 * iss = sub = client_id, aud = token endpoint, a short and current lifetime, and a jti used once.
 */
export async function verifyClientAssertion(assertion: string, client: RegisteredClient, policy: AssertionPolicy, replays: ReplayCache): Promise<void> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(assertion, createLocalJWKSet(client.jwks), {
      algorithms: ASSERTION_ALGORITHMS,
      issuer: client.clientId,
      subject: client.clientId,
      audience: policy.tokenEndpoint,
      clockTolerance: policy.clockSkewSeconds,
      currentDate: new Date(policy.nowSeconds * 1000),
      requiredClaims: ['exp', 'iat', 'jti'],
    }));
  } catch (error) {
    throw invalid(describeVerificationError(error, policy));
  }
  const { iat = 0, exp = 0, jti = '' } = payload;
  if (iat > policy.nowSeconds + policy.clockSkewSeconds) throw invalid('client_assertion iat is in the future');
  if (iat < policy.nowSeconds - policy.maxLifetimeSeconds - policy.clockSkewSeconds) throw invalid('client_assertion iat is too old');
  if (exp - iat > policy.maxLifetimeSeconds) throw invalid(`client_assertion may live at most ${policy.maxLifetimeSeconds} seconds (exp - iat)`);
  if (jti.length < 16) throw invalid('client_assertion jti must be unique and carry at least 128 bits of randomness');
  if (!replays.remember(`${client.clientId}\u0000${jti}`, exp + policy.clockSkewSeconds, policy.nowSeconds)) {
    throw invalid('client_assertion jti was already used: create a fresh assertion for every token request');
  }
}
