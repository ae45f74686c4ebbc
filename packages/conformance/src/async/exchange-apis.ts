import type { ApiRegistry } from '@eduvkit/core';
import { exchangePairs, type ExchangePair } from '@eduvkit/core/exchange';
import { API_REGISTRIES, isChainApi } from '@eduvkit/mock-server';
import { apiName, findRegistry } from '../apis';
import { ConformanceConfigError } from '../config-error';

/** The push-asynchronous APIs (melding–bevestiging): the kit plays their verzender or their ontvanger. */
export const EXCHANGE_REGISTRIES: readonly ApiRegistry[] = API_REGISTRIES.filter(isChainApi);

export const EXCHANGE_API_NAMES: readonly string[] = EXCHANGE_REGISTRIES.map(apiName);

export function findExchangeRegistry(name: string): ApiRegistry | undefined {
  const wanted = name.toLowerCase().replace(/-api$/, '');
  return EXCHANGE_REGISTRIES.find((registry) => apiName(registry) === wanted);
}

/** True when the API (a name or registry) has request operations of a melding–bevestiging pair. */
export function isExchangeApi(api: string | ApiRegistry): boolean {
  const registry = typeof api === 'string' ? findExchangeRegistry(api) : api;
  return registry !== undefined && isChainApi(registry);
}

/** A push-asynchronous API's registry and its request ↔ confirmation pairs; a pull API is a configuration error. */
export function resolveExchangeApi(api: string | ApiRegistry, role: string): { registry: ApiRegistry; pairs: ExchangePair[] } {
  const registry = typeof api === 'string' ? findExchangeRegistry(api) : api;
  if (!registry || !isExchangeApi(registry)) {
    const pull = typeof api === 'string' ? findRegistry(api) : api;
    const why = pull ? `${apiName(pull)} is no push-asynchronous API` : `unknown API "${String(api)}"`;
    throw new ConformanceConfigError(
      `--role ${role} qualifies a party of a melding–bevestiging exchange: ${why}; choose one of ${EXCHANGE_API_NAMES.join(', ')}`,
    );
  }
  return { registry, pairs: exchangePairs(registry) };
}
