import type { ApiRegistry } from '@eduvkit/core';
import { API_REGISTRIES, isChainApi } from '@eduvkit/mock-server';
import { ConformanceConfigError } from './config-error';

/** Every API the kit has a pull or push suite for: the catalogue's APIs without melding–bevestiging requests (those are EXCHANGE_REGISTRIES). */
export const QUALIFIABLE_REGISTRIES: readonly ApiRegistry[] = API_REGISTRIES.filter((registry) => !isChainApi(registry));

/** eduvkit's short API name, from Edu-V's: `students-api` → `students`. */
export const apiName = (registry: ApiRegistry): string => registry.api.replace(/-api$/, '');

export const API_NAMES: readonly string[] = QUALIFIABLE_REGISTRIES.map(apiName);

export function findRegistry(name: string): ApiRegistry | undefined {
  const wanted = name.toLowerCase().replace(/-api$/, '');
  return QUALIFIABLE_REGISTRIES.find((registry) => apiName(registry) === wanted);
}

/** A registry as given, or the one an API name names; unknown names are a configuration error. */
export function resolveRegistry(api: string | ApiRegistry): ApiRegistry {
  if (typeof api !== 'string') return api;
  const registry = findRegistry(api);
  if (!registry) throw new ConformanceConfigError(`unknown API "${api}"; choose one of ${API_NAMES.join(', ')}`);
  return registry;
}
