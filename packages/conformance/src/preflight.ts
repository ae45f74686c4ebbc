import type { ApiRegistry } from '@eduvkit/core';
import type { TokenSource } from './auth/client-credentials';
import { ConformanceConfigError } from './config-error';
import type { Target } from './http/exchange';
import { implementedOperations, scopesFor } from './registry-facts';

/**
 * Before any case: the client gets a token and the base URL answers HTTP. Without either every
 * case would be skipped or failed for the same reason, and a misconfigured run must not look like a verdict.
 */
export async function preflight(registry: ApiRegistry, target: Target, tokens: TokenSource): Promise<void> {
  const scopes = [...new Set(implementedOperations(registry).flatMap((operation) => scopesFor(operation)))].slice(0, 1);
  try {
    await tokens.getToken(scopes);
  } catch (error) {
    throw new ConformanceConfigError(
      `the client ${tokens.clientId} got no access token${scopes.length ? ` for ${scopes.join(' ')}` : ''}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const probe = await target.send({ method: 'GET', path: '' });
  if (probe.error) throw new ConformanceConfigError(`${target.baseUrl} gives no HTTP answer: ${probe.error}`);
}
