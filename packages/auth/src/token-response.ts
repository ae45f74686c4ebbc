import { decodeJwt } from 'jose';
import { EduvAuthError } from './errors';
import { isRecord } from './http';

export const DEFAULT_TOKEN_LIFETIME_SECONDS = 300;

export interface IssuedToken {
  readonly accessToken: string;
  /** Milliseconds since the epoch. */
  readonly expiresAt: number;
}

function expiresInSeconds(value: unknown): number | undefined {
  const seconds = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
}

/** `exp` of a JWT access token, read without verifying: only used to know when to refresh. */
function jwtExpiry(token: string): number | undefined {
  try {
    const { exp } = decodeJwt(token);
    return typeof exp === 'number' ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads a successful token response. `requestedAt` is when the request was sent, so a lifetime
 * counted from then errs on the early side.
 */
export function readTokenResponse(body: unknown, requestedAt: number, url: string, httpStatus: number): IssuedToken {
  const invalid = (reason: string) =>
    new EduvAuthError(`token endpoint ${url} answered HTTP ${httpStatus} but ${reason}`, {
      kind: 'invalid_response',
      url,
      httpStatus,
    });
  if (!isRecord(body)) throw invalid('the body is not a JSON object');
  const accessToken = body.access_token;
  if (typeof accessToken !== 'string' || accessToken === '') throw invalid('without an access_token');
  const tokenType = body.token_type;
  if (tokenType !== undefined && (typeof tokenType !== 'string' || tokenType.toLowerCase() !== 'bearer')) {
    throw invalid(`with token_type "${String(tokenType)}" instead of Bearer`);
  }
  const expiresIn = expiresInSeconds(body.expires_in);
  if (expiresIn !== undefined) return { accessToken, expiresAt: requestedAt + expiresIn * 1000 };
  const exp = jwtExpiry(accessToken);
  // An `exp` already past means the clocks disagree; a default lifetime is more useful then.
  if (exp !== undefined && exp > requestedAt) return { accessToken, expiresAt: exp };
  return { accessToken, expiresAt: requestedAt + DEFAULT_TOKEN_LIFETIME_SECONDS * 1000 };
}

/** The OAuth error members of an error answer (RFC 6749 §5.2), when present. */
export function readOAuthError(body: unknown): { error?: string; description?: string } {
  if (!isRecord(body)) return {};
  return {
    ...(typeof body.error === 'string' ? { error: body.error } : {}),
    ...(typeof body.error_description === 'string' ? { description: body.error_description } : {}),
  };
}
