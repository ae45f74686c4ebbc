import type { Clock } from '../clock';
import { errors, jwtVerify, type JWTVerifyGetKey, type JWTPayload } from 'jose';
import type { CallerContext } from './bron';
import { BronError } from './bron-error';
import type { BronRequest } from './bron-request';

export interface AccessTokenVerifierOptions {
  /** The authorization server's issuer URL; the token's `iss` must equal it. */
  readonly issuer: string;
  /** Resolves the verification key by the token's `kid`: jose's `createRemoteJWKSet(jwksUri)` or `createLocalJWKSet(jwks)`. */
  readonly keys: JWTVerifyGetKey;
  /** Required `aud`, when the authorization server sets one. */
  readonly audience?: string | string[];
  /** Accepted signature algorithms; default RS256 and PS256. `none` is never accepted. */
  readonly algorithms?: string[];
  /** Leeway for `exp`/`nbf`/`iat`, in seconds; default 30. */
  readonly clockToleranceSeconds?: number;
  /** For tests: the current time. */
  readonly now?: Clock;
  /**
   * How many verified tokens to remember (default 1000; 0 disables). A client sends the same
   * token until it expires, and checking its signature every time dominated the mock's CPU.
   */
  readonly cacheSize?: number;
}

const BEARER = /^Bearer[ \t]+([A-Za-z0-9\-._~+/]+=*)[ \t]*$/i;

function reason(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'the token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) return `claim "${error.claim}" is not acceptable (${error.reason})`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'the signature does not verify';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'the signing algorithm is not accepted';
  if (error instanceof errors.JWKSNoMatchingKey) return 'no key of the authorization server matches its kid';
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return 'it is not a well-formed signed JWT';
  return 'it could not be verified';
}

/** A refusal as a rejected promise: the verifier answers a known token at once, and never throws. */
const refuse = (reason: string): Promise<never> => Promise.reject(BronError.unauthenticated(reason));

/** Enough of a header's end to tell tokens apart; the whole header is compared on a hit. */
const cacheKeyOf = (header: string): string => (header.length > 64 ? header.slice(-40) : header);

function scopesOf(payload: JWTPayload): Set<string> {
  const scope = payload.scope;
  if (typeof scope === 'string') return new Set(scope.split(' ').filter(Boolean));
  if (Array.isArray(scope)) return new Set(scope.filter((item): item is string => typeof item === 'string'));
  return new Set();
}

/**
 * The first step of a bron's checks: the bearer token must be a JWT signed by the authorization
 * server, unexpired and issued by it. Yields the client id (`client_id`, else `azp`, else `sub`)
 * and the token's scopes. Refusals are 401 with a reason, never with the token itself. A token
 * verified before is answered at once (not a promise): the hot path of every bron.
 */
export function createAccessTokenVerifier(options: AccessTokenVerifierOptions): (request: BronRequest) => CallerContext | Promise<CallerContext> {
  const algorithms = options.algorithms ?? ['RS256', 'PS256'];
  const cacheSize = options.cacheSize ?? 1000;
  const verified = new Map<string, { header: string; caller: CallerContext; expiresAt: number }>();
  const nowMs = () => (options.now ? options.now().getTime() : Date.now());
  return (request) => {
    const header = request.headers.get('authorization');
    if (!header) return refuse('the request carries no bearer access token (Authorization: Bearer <token>)');
    // A header verified before needs neither the format check nor the signature again. Keyed by its
    // end (the signature's last characters), then compared whole: hashing the whole ~1 KB header per request cost more.
    const key = cacheKeyOf(header);
    const known = verified.get(key);
    if (known && known.header === header && known.expiresAt > nowMs()) return known.caller;
    if (known) verified.delete(key);
    const token = BEARER.exec(header)?.[1];
    if (!token) return refuse('the Authorization header is not of the form "Bearer <token>"');
    return verify(token, header, key);
  };
  async function verify(token: string, header: string, key: string): Promise<CallerContext> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, options.keys, {
        issuer: options.issuer,
        ...(options.audience ? { audience: options.audience } : {}),
        algorithms,
        clockTolerance: options.clockToleranceSeconds ?? 30,
        requiredClaims: ['exp'],
        ...(options.now ? { currentDate: options.now() } : {}),
      }));
    } catch (error) {
      throw BronError.unauthenticated(`invalid access token: ${reason(error)}`);
    }
    const clientId = [payload.client_id, payload.azp, payload.sub].find((value): value is string => typeof value === 'string' && value !== '');
    if (!clientId) throw BronError.unauthenticated('invalid access token: it names no client (client_id, azp or sub)');
    const caller = { clientId, scopes: scopesOf(payload) };
    if (cacheSize > 0 && typeof payload.exp === 'number') {
      if (verified.size >= cacheSize) verified.delete(verified.keys().next().value!);
      verified.set(key, { header, caller, expiresAt: payload.exp * 1000 });
    }
    return caller;
  }
}
