import { EduvConfigError, systemClock, type Clock } from '@eduvkit/core';
import { EduvAuthError } from './errors';
import { assertTimeout, DEFAULT_TIMEOUT_MS, isRecord, readJson, secureUrl, waitFor, type FetchLike } from './http';

/** The part of an OpenID Connect discovery document this package relies on; other members are kept as sent. */
export interface AuthorizationServerMetadata {
  readonly issuer: string;
  readonly token_endpoint: string;
  readonly jwks_uri: string;
  readonly [member: string]: unknown;
}

export interface DiscoverOptions {
  readonly fetch?: FetchLike | undefined;
  readonly signal?: AbortSignal | undefined;
  /** How old a cached document may be to be used; default 3600 (one hour). */
  readonly cacheTtlSeconds?: number | undefined;
  readonly timeoutMs?: number | undefined;
  /** The clock the cache age is measured against; default the system clock. */
  readonly now?: Clock | undefined;
}

export const DEFAULT_DISCOVERY_TTL_SECONDS = 3600;

interface CachedMetadata {
  readonly metadata: AuthorizationServerMetadata;
  readonly fetchedAt: number;
}

const cache = new Map<string, CachedMetadata>();
const inFlight = new Map<string, Promise<AuthorizationServerMetadata>>();

/** Forgets every cached discovery document. */
export function clearDiscoveryCache(): void {
  cache.clear();
}

export function discoveryUrl(issuer: string): string {
  return `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
}

function validate(issuer: string, url: string, body: unknown, httpStatus: number): AuthorizationServerMetadata {
  const invalid = (reason: string) => new EduvAuthError(`discovery document of ${issuer} is invalid: ${reason}`, { kind: 'discovery', url, httpStatus });
  if (!isRecord(body)) throw invalid('not a JSON object');
  // OpenID Connect Discovery §4.3: the issuer must be identical to the one asked for, or the
  // document may be a different server's.
  if (body.issuer !== issuer) throw invalid(`issuer is "${String(body.issuer)}", expected "${issuer}"`);
  for (const member of ['token_endpoint', 'jwks_uri'] as const) {
    try {
      secureUrl(body[member], member);
    } catch (error) {
      throw invalid(error instanceof Error ? error.message : `${member} is missing`);
    }
  }
  return body as AuthorizationServerMetadata;
}

async function fetchMetadata(issuer: string, fetchImpl: FetchLike, timeoutMs: number): Promise<AuthorizationServerMetadata> {
  const url = discoveryUrl(issuer);
  let response: Response;
  let body: unknown;
  try {
    response = await fetchImpl(url, {
      method: 'GET',
      headers: { Accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
    body = await readJson(response);
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    throw new EduvAuthError(timedOut ? `discovery of ${issuer} timed out after ${timeoutMs} ms` : `discovery of ${issuer} failed: network error`, {
      kind: timedOut ? 'timeout' : 'network',
      url,
      cause: error,
    });
  }
  if (!response.ok) {
    throw new EduvAuthError(`discovery of ${issuer} failed with HTTP ${response.status}`, {
      kind: 'discovery',
      url,
      httpStatus: response.status,
    });
  }
  return validate(issuer, url, body, response.status);
}

/**
 * Fetches `<issuer>/.well-known/openid-configuration`, checks `issuer`, `token_endpoint` and
 * `jwks_uri`, and caches the result in memory per issuer. Concurrent calls share one request.
 */
export async function discover(issuer: string, options: DiscoverOptions = {}): Promise<AuthorizationServerMetadata> {
  secureUrl(issuer, 'issuer');
  const ttlSeconds = options.cacheTtlSeconds ?? DEFAULT_DISCOVERY_TTL_SECONDS;
  if (!Number.isFinite(ttlSeconds) || ttlSeconds < 0) {
    throw new EduvConfigError('cacheTtlSeconds must be zero or more');
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  assertTimeout(timeoutMs);
  const clock = options.now ?? systemClock;
  const now = (): number => clock().getTime();
  options.signal?.throwIfAborted();

  const cached = cache.get(issuer);
  if (cached !== undefined && now() - cached.fetchedAt < ttlSeconds * 1000) return cached.metadata;

  let flight = inFlight.get(issuer);
  if (flight === undefined) {
    // Runs on its own timeout, not the caller's signal: other callers may be waiting for it.
    flight = fetchMetadata(issuer, options.fetch ?? globalThis.fetch, timeoutMs)
      .then((metadata) => {
        cache.set(issuer, { metadata, fetchedAt: now() });
        return metadata;
      })
      .finally(() => inFlight.delete(issuer));
    // Keeps a failure nobody waits for any more (all callers aborted) from being unhandled.
    flight.catch(() => undefined);
    inFlight.set(issuer, flight);
  }
  return waitFor(flight, options.signal);
}
