import { EduvConfigError } from './errors';

export interface TokenRequest {
  /** Scopes the operation requires; a provider may request a token carrying (at least) these. */
  readonly scopes: readonly string[];
  readonly signal?: AbortSignal;
}

/**
 * Supplies access tokens to the client. The client calls `invalidate` with a token the server
 * rejected (HTTP 401) and then asks once more for a fresh one.
 */
export interface TokenProvider {
  getToken(request: TokenRequest): Promise<string>;
  invalidate?(token: string): void;
}

/** A fixed token, e.g. from a test set-up. It cannot be refreshed, so a 401 is final. */
export function staticToken(token: string): TokenProvider {
  if (typeof token !== 'string' || token.trim() === '') {
    throw new EduvConfigError('staticToken needs a non-empty token');
  }
  return { getToken: () => Promise.resolve(token) };
}
