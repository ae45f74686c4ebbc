import type { AfnemerRun } from '../afnemer-run';
import { jsonOf, type TrafficEntry } from '../traffic';

const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const ALGORITHMS = new Set(['RS256', 'PS256']);
/** Longest assertion lifetime (exp - iat) the kit calls short; the mock's authorization server allows the same. */
export const MAX_ASSERTION_LIFETIME_SECONDS = 300;
const MIN_JTI_BITS = 128;

function decodeSegment(segment: string | undefined): Record<string, unknown> | undefined {
  if (!segment) return undefined;
  try {
    const value = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8')) as unknown;
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Bits of randomness a jti can hold at most, from its length and the alphabet it is written in. */
export function jtiBits(jti: string): number {
  const bitsPerCharacter = /^[0-9a-f-]+$/i.test(jti) ? 4 : 6;
  return jti.replace(/-/g, '').length * bitsPerCharacter;
}

/** What is wrong with one token request's client authentication, or undefined when nothing is. */
export function assertionProblem(entry: TrafficEntry, run: AfnemerRun, earlierJtis: ReadonlySet<string>): string | undefined {
  const form = new URLSearchParams(entry.body);
  if (form.get('grant_type') !== 'client_credentials') return `grant_type is "${form.get('grant_type') ?? ''}", not client_credentials`;
  if (form.get('client_assertion_type') !== ASSERTION_TYPE)
    return 'client_assertion_type is not jwt-bearer: the client does not authenticate with private_key_jwt';
  const [headerPart, payloadPart, signature] = (form.get('client_assertion') ?? '').split('.');
  const header = decodeSegment(headerPart);
  const claims = decodeSegment(payloadPart);
  if (!header || !claims || !signature) return 'client_assertion is not a signed JWT';
  if (typeof header.alg !== 'string' || !ALGORITHMS.has(header.alg)) return `the assertion is signed with ${String(header.alg)}, not RS256 or PS256`;
  if (claims.iss !== run.clientId || claims.sub !== run.clientId) return `iss and sub must both be the client id ${run.clientId}`;
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audiences.includes(run.tokenEndpoint)) return `aud must be the token endpoint ${run.tokenEndpoint}`;
  if (typeof claims.exp !== 'number') return 'the assertion has no exp';
  const issuedAt = typeof claims.iat === 'number' ? claims.iat : Math.floor(Date.now() / 1000);
  if (claims.exp - issuedAt > MAX_ASSERTION_LIFETIME_SECONDS)
    return `the assertion lives ${claims.exp - issuedAt} s (exp - iat); keep it at most ${MAX_ASSERTION_LIFETIME_SECONDS} s`;
  if (typeof claims.jti !== 'string' || !claims.jti) return 'the assertion has no jti';
  if (jtiBits(claims.jti) < MIN_JTI_BITS) return `the jti holds at most ${jtiBits(claims.jti)} bits; use at least ${MIN_JTI_BITS} random bits`;
  if (earlierJtis.has(claims.jti)) return 'the jti was used before in this run: every assertion needs a fresh one';
  const answer = jsonOf(entry.responseBody) as { error?: unknown; error_description?: unknown } | undefined;
  // Other refusals (a scope the client may not have) are no fault of the assertion.
  if (entry.status !== 200 && answer?.error === 'invalid_client') {
    return `the authorization server refused it (HTTP ${entry.status}): ${typeof answer?.error_description === 'string' ? answer.error_description : 'no reason given'}`;
  }
  return undefined;
}

export const jtiOf = (entry: TrafficEntry): string | undefined => {
  const claims = decodeSegment(new URLSearchParams(entry.body).get('client_assertion')?.split('.')[1]);
  return typeof claims?.jti === 'string' ? claims.jti : undefined;
};
