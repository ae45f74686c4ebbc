import type { SchoolRecord } from '@eduvkit/core';
import { createSchools } from '@eduvkit/core/fixtures';
import { bronHandlers, overrideHandler, type OverrideReply } from '@eduvkit/core/msw';
import { BronError, type CallerContext } from '@eduvkit/core/server';
import type { HttpHandler } from 'msw';
import { createConsentBron, type ConsentBronOptions } from '../bron/create-consent-bron';
import type { ConsentDataSource } from '../bron/data-source';
import { createInMemoryConsentSource } from '../bron/in-memory-source';
import type { ConsentStore } from '../bron/store';
import { consentApi } from '../generated/registry';
import { DEFAULT_CONSENT_BASE_URL } from '../generated/base-url';

export type { OverrideReply } from '@eduvkit/core/msw';

export { DEFAULT_CONSENT_BASE_URL };

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

/**
 * Test stand-in for token verification, the default of `consentHandlers`: the bearer token's value
 * is taken as the caller's client id and every scope is granted. So `staticToken('client-a')` calls
 * as client `client-a`, and two clients are two tokens. Never use this outside tests.
 */
export function tokenAsClientId(request: Request): CallerContext {
  const token = BEARER.exec(request.headers.get('authorization') ?? '')?.[1];
  if (!token) throw BronError.unauthenticated('the request carries no bearer access token (Authorization: Bearer <token>)');
  return { clientId: token, scopes: 'all' };
}

export interface ConsentHandlersOptions<S extends SchoolRecord = SchoolRecord> {
  /** Base URL including the major version; default DEFAULT_CONSENT_BASE_URL. */
  baseUrl?: string;
  /** The registration behind the handlers; default an in-memory source over `store` and the seeded schools. */
  source?: ConsentDataSource<S>;
  /** Store of the default source, so a test can grant (`store.activate`) and inspect; default a fresh one. */
  store?: ConsentStore;
  /** Seed of the default source's schools (`createSchools({ seed })`: 2 po, 1 vo, as the other APIs' worlds). Default 1. */
  seed?: number;
  /** Bron options; `authenticate` defaults to `tokenAsClientId`. */
  bron?: ConsentBronOptions<S>;
}

/** MSW handlers that answer like the eduvkit mock server's Consent API. */
export function consentHandlers<S extends SchoolRecord = SchoolRecord>(options: ConsentHandlersOptions<S> = {}): HttpHandler[] {
  const baseUrl = options.baseUrl ?? DEFAULT_CONSENT_BASE_URL;
  const source =
    options.source ??
    (createInMemoryConsentSource({
      schools: createSchools({ seed: options.seed ?? 1 }),
      ...(options.store ? { store: options.store } : {}),
    }) as unknown as ConsentDataSource<S>);
  const bron = createConsentBron(source, {
    authenticate: tokenAsClientId,
    ...options.bron,
    basePath: new URL(baseUrl).pathname.replace(/\/+$/, ''),
  });
  return bronHandlers(consentApi, bron, baseUrl);
}

/** A one-operation override for `server.use(...)`: answer with this status, body and headers. */
export function consentOverride(operationId: keyof typeof consentApi.operations, reply: OverrideReply, options: { baseUrl?: string } = {}): HttpHandler {
  return overrideHandler(consentApi, operationId, reply, options.baseUrl ?? DEFAULT_CONSENT_BASE_URL);
}
