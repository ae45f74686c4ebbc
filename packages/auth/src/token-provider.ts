import type { KeyObject } from 'node:crypto';
import { EduvConfigError, redactingLogger, silentLogger, systemClock, type Clock, type Logger, type TokenProvider, type TokenRequest } from '@eduvkit/core';
import { assertLifetime, CLIENT_ASSERTION_TYPE, createClientAssertion, DEFAULT_ASSERTION_LIFETIME_SECONDS } from './assertion';
import { discover } from './discovery';
import { EduvAuthError } from './errors';
import { assertTimeout, DEFAULT_TIMEOUT_MS, readJson, secureUrl, waitFor, type FetchLike } from './http';
import { assertKeyId, assertSigningAlgorithm, keyIdOf, loadPrivateKey, type PrivateKeyInput, type SigningAlgorithm } from './keys';
import { createMtlsFetch, type MtlsFetch, type MtlsOptions } from './mtls';
import { normaliseScopes } from './scopes';
import { readOAuthError, readTokenResponse, type IssuedToken } from './token-response';

export interface ClientCredentialsOptions {
  readonly clientId: string;
  readonly privateKey: PrivateKeyInput;
  /** `kid` of the signing key as published in the client's JWKS; default: its RFC 7638 thumbprint. */
  readonly keyId?: string | undefined;
  readonly algorithm?: SigningAlgorithm | undefined;
  /** The token endpoint URL. Give this or `issuer`. */
  readonly tokenEndpoint?: string | undefined;
  /** The authorisation server's issuer URL; the token endpoint is found by discovery. */
  readonly issuer?: string | undefined;
  readonly fetch?: FetchLike | undefined;
  /** Always request these scopes. Default: the scopes each `getToken` call asks for. */
  readonly scopes?: readonly string[] | undefined;
  /** Refresh this long before the token expires; default 60. */
  readonly refreshSkewSeconds?: number | undefined;
  /** Lifetime of each client assertion; 1 to 300, default 60. */
  readonly assertionLifetimeSeconds?: number | undefined;
  /** Per request to the token or discovery endpoint; default 30000. */
  readonly timeoutMs?: number | undefined;
  /** Receives redacted messages only. */
  readonly logger?: Logger | undefined;
  /** Present a client certificate on every request (instead of `fetch`). */
  readonly mtls?: MtlsOptions | undefined;
  /** The clock token lifetimes are measured against; default the system clock. */
  readonly now?: Clock | undefined;
}

export interface ClientCredentialsTokenProvider extends TokenProvider {
  getToken(request: TokenRequest): Promise<string>;
  /** Drops `token` from the cache (the server rejected it); the next call fetches a new one. */
  invalidate(token: string): void;
  /** Cancels pending requests, empties the cache and closes the mTLS connections the provider opened. */
  close(): Promise<void>;
}

interface CachedToken {
  readonly token: string;
  readonly refreshAt: number;
}

interface Flight {
  readonly promise: Promise<CachedToken>;
  readonly controller: AbortController;
  waiters: number;
}

interface Settings {
  readonly key: KeyObject;
  readonly keyId: string;
  readonly algorithm: SigningAlgorithm;
  readonly fixedScopes: string[] | undefined;
  readonly skewMs: number;
  readonly assertionLifetimeSeconds: number;
  readonly timeoutMs: number;
}

function settingsOf(options: ClientCredentialsOptions): Settings {
  if (typeof options.clientId !== 'string' || options.clientId.trim() === '') {
    throw new EduvConfigError('clientId must be a non-empty string');
  }
  if ((options.tokenEndpoint === undefined) === (options.issuer === undefined)) {
    throw new EduvConfigError('give exactly one of tokenEndpoint and issuer');
  }
  if (options.tokenEndpoint !== undefined) secureUrl(options.tokenEndpoint, 'tokenEndpoint');
  if (options.issuer !== undefined) secureUrl(options.issuer, 'issuer');
  if (options.fetch !== undefined && options.mtls !== undefined) {
    throw new EduvConfigError('give fetch or mtls, not both (createMtlsFetch makes a fetch with a client certificate)');
  }
  const algorithm = options.algorithm ?? 'RS256';
  assertSigningAlgorithm(algorithm);
  const key = loadPrivateKey(options.privateKey);
  if (options.keyId !== undefined) assertKeyId(options.keyId);
  const skewSeconds = options.refreshSkewSeconds ?? 60;
  if (!Number.isFinite(skewSeconds) || skewSeconds < 0) {
    throw new EduvConfigError('refreshSkewSeconds must be zero or more');
  }
  const assertionLifetimeSeconds = options.assertionLifetimeSeconds ?? DEFAULT_ASSERTION_LIFETIME_SECONDS;
  assertLifetime(assertionLifetimeSeconds);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  assertTimeout(timeoutMs);
  return {
    key,
    keyId: options.keyId ?? keyIdOf(key),
    algorithm,
    fixedScopes: options.scopes === undefined ? undefined : normaliseScopes(options.scopes),
    skewMs: skewSeconds * 1000,
    assertionLifetimeSeconds,
    timeoutMs,
  };
}

/**
 * A TokenProvider for OAuth 2.0 client credentials with `private_key_jwt`. Tokens are cached per
 * scope set until `refreshSkewSeconds` before expiry; concurrent calls for one scope set share a
 * single request; each caller's AbortSignal ends only its own wait, and the request itself once
 * nobody waits for it.
 */
export function createClientCredentialsTokenProvider(options: ClientCredentialsOptions): ClientCredentialsTokenProvider {
  const settings = settingsOf(options);
  const { clientId } = options;
  const clock = options.now ?? systemClock;
  const now = (): number => clock().getTime();
  const log = redactingLogger(options.logger ?? silentLogger);
  const ownFetch: MtlsFetch | undefined = options.mtls === undefined ? undefined : createMtlsFetch(options.mtls);
  const fetchImpl: FetchLike = ownFetch ?? options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const cache = new Map<string, CachedToken>();
  const flights = new Map<string, Flight>();
  let closed = false;

  async function tokenEndpoint(signal: AbortSignal): Promise<string> {
    if (options.tokenEndpoint !== undefined) return options.tokenEndpoint;
    const metadata = await discover(options.issuer as string, {
      fetch: fetchImpl,
      signal,
      timeoutMs: settings.timeoutMs,
      now: clock,
    });
    return metadata.token_endpoint;
  }

  /** POSTs the form and reads the answer; a failure or timeout while reading counts like one while sending. */
  async function exchange(url: string, form: string, signal: AbortSignal, timeout: AbortSignal): Promise<{ response: Response; body: unknown }> {
    try {
      const response = await fetchImpl(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        body: form,
        signal,
        // A 307/308 would resend the client assertion to wherever the redirect points.
        redirect: 'error',
      });
      return { response, body: await readJson(response) };
    } catch (error) {
      if (timeout.aborted) {
        throw new EduvAuthError(`token request to ${url} timed out after ${settings.timeoutMs} ms`, {
          kind: 'timeout',
          url,
          cause: error,
        });
      }
      if (signal.aborted) throw signal.reason;
      throw new EduvAuthError(`token request to ${url} failed: network error`, { kind: 'network', url, cause: error });
    }
  }

  async function requestToken(scopes: readonly string[], cancel: AbortSignal): Promise<IssuedToken> {
    const timeout = AbortSignal.timeout(settings.timeoutMs);
    const signal = AbortSignal.any([cancel, timeout]);
    const requestedAt = now();
    const url = await tokenEndpoint(signal);
    const assertion = await createClientAssertion({
      clientId,
      audience: url,
      key: settings.key,
      keyId: settings.keyId,
      algorithm: settings.algorithm,
      lifetimeSeconds: settings.assertionLifetimeSeconds,
      now: () => new Date(requestedAt),
    });
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_assertion_type: CLIENT_ASSERTION_TYPE,
      client_assertion: assertion,
    });
    const scope = scopes.join(' ');
    if (scope !== '') form.set('scope', scope);
    log.debug(`requesting an access token from ${url}${scope === '' ? '' : ` for scope "${scope}"`}`);

    const { response, body } = await exchange(url, form.toString(), signal, timeout);
    if (!response.ok) {
      const { error, description } = readOAuthError(body);
      throw new EduvAuthError(`token request to ${url} failed with HTTP ${response.status}`, {
        kind: 'token_endpoint',
        url,
        httpStatus: response.status,
        oauthError: error,
        oauthErrorDescription: description,
      });
    }
    return readTokenResponse(body, requestedAt, url, response.status);
  }

  function startFlight(cacheKey: string, scopes: readonly string[]): Flight {
    const controller = new AbortController();
    const promise = requestToken(scopes, controller.signal).then(
      ({ accessToken, expiresAt }) => {
        const lifetime = expiresAt - now();
        // A token that lives shorter than twice the skew would otherwise be refreshed on every call.
        const refreshAt = expiresAt - Math.min(settings.skewMs, Math.max(0, lifetime) / 2);
        const entry = { token: accessToken, refreshAt };
        cache.set(cacheKey, entry);
        const forScope = cacheKey === '' ? '' : ` for scope "${cacheKey}"`;
        log.info(`obtained an access token${forScope}, valid for ${Math.round(lifetime / 1000)} s`);
        return entry;
      },
      (error: unknown) => {
        if (!controller.signal.aborted) {
          log.warn(error instanceof Error ? error.message : 'token request failed');
        }
        throw error;
      },
    );
    const flight: Flight = { promise, controller, waiters: 0 };
    const forget = () => {
      if (flights.get(cacheKey) === flight) flights.delete(cacheKey);
    };
    // Handling the rejection here also keeps a flight that every caller abandoned from going unhandled.
    promise.then(forget, forget);
    flights.set(cacheKey, flight);
    return flight;
  }

  return {
    async getToken(request: TokenRequest): Promise<string> {
      const signal = request.signal;
      signal?.throwIfAborted();
      if (closed) throw new EduvConfigError('this token provider has been closed');
      const scopes = settings.fixedScopes ?? normaliseScopes(request.scopes);
      const cacheKey = scopes.join(' ');
      const cached = cache.get(cacheKey);
      if (cached !== undefined && now() < cached.refreshAt) return cached.token;

      const flight = flights.get(cacheKey) ?? startFlight(cacheKey, scopes);
      flight.waiters += 1;
      const entry = await waitFor(flight.promise, signal, () => {
        flight.waiters -= 1;
        if (flight.waiters === 0) {
          if (flights.get(cacheKey) === flight) flights.delete(cacheKey);
          flight.controller.abort(signal?.reason);
        }
      });
      return entry.token;
    },

    invalidate(token: string): void {
      for (const [cacheKey, entry] of cache) {
        if (entry.token === token) {
          cache.delete(cacheKey);
          log.debug(`dropped the cached access token${cacheKey === '' ? '' : ` for scope "${cacheKey}"`}`);
        }
      }
    },

    async close(): Promise<void> {
      closed = true;
      for (const flight of flights.values()) {
        flight.controller.abort(new EduvConfigError('the token provider was closed while a token was being requested'));
      }
      flights.clear();
      cache.clear();
      await ownFetch?.close();
    },
  };
}
