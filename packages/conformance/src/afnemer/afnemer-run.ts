import type { ApiRegistry, OperationDefinition } from '@eduvkit/core';
import { createRouteMatcher } from '@eduvkit/core/server';
import { QUALIFIABLE_REGISTRIES } from '../apis';
import type { CommandOutcome } from './run-command';
import { jsonOf, type TrafficEntry } from './traffic';

/** Everything a case judges: what the kit gave the command, what the command sent, how it ended. */
export interface AfnemerRun {
  readonly registry: ApiRegistry;
  readonly clientId: string;
  readonly tokenEndpoint: string;
  /** EDUVKIT_SCHOOL: the exchange is activated there for the client. */
  readonly school: string;
  /** EDUVKIT_SCHOOL_NO_CONSENT: it is not. */
  readonly schoolNoConsent: string;
  readonly traffic: readonly TrafficEntry[];
  readonly outcome: CommandOutcome;
  readonly timeoutMs: number;
}

export const dataCalls = (run: AfnemerRun): TrafficEntry[] => run.traffic.filter((entry) => entry.kind === 'data');
export const tokenRequests = (run: AfnemerRun): TrafficEntry[] => run.traffic.filter((entry) => entry.kind === 'token');

/** A token the mock issued, with the request that asked for it. */
export interface IssuedToken {
  readonly entry: TrafficEntry;
  readonly accessToken: string;
  /** The requested scopes, sorted and space separated; '' when the request named none. */
  readonly requestedScopes: string;
  /** Milliseconds since the run started. */
  readonly expiresAt: number;
}

export const requestedScopesOf = (entry: TrafficEntry): string[] => (new URLSearchParams(entry.body).get('scope') ?? '').split(' ').filter(Boolean);

export function issuedTokens(run: AfnemerRun): IssuedToken[] {
  return tokenRequests(run).flatMap((entry) => {
    const body = jsonOf(entry.responseBody) as { access_token?: unknown; expires_in?: unknown } | undefined;
    if (entry.status !== 200 || typeof body?.access_token !== 'string') return [];
    const lifetime = typeof body.expires_in === 'number' ? body.expires_in : 0;
    return [
      {
        entry,
        accessToken: body.access_token,
        requestedScopes: [...new Set(requestedScopesOf(entry))].sort().join(' '),
        expiresAt: entry.answeredAt + lifetime * 1000,
      },
    ];
  });
}

const matchers = QUALIFIABLE_REGISTRIES.map((registry) => ({ registry, match: createRouteMatcher(registry) }));

/** The API and operation a data call addressed, if any. */
export function operationOf(entry: TrafficEntry): { registry: ApiRegistry; operation: OperationDefinition } | undefined {
  for (const { registry, match } of matchers) {
    const found = match(entry.method, entry.url.pathname);
    if (found.kind === 'operation') return { registry, operation: found.operation };
  }
  return undefined;
}

/** The orgMasterId a data call selects: from the query, or the body's school reference. */
export function selectedSchool(entry: TrafficEntry): string | undefined {
  const fromQuery = entry.url.searchParams.get('orgMasterId');
  if (fromQuery !== null) return fromQuery;
  const body = jsonOf(entry.body) as { school?: { organisationMasterIdentifier?: unknown } } | undefined;
  const fromBody = typeof body === 'object' && body !== null ? body.school?.organisationMasterIdentifier : undefined;
  return typeof fromBody === 'string' ? fromBody : undefined;
}
