import type { ApiRegistry, OperationDefinition } from '@eduvkit/core';
import { QUALIFIABLE_REGISTRIES } from './apis';

/**
 * The operations the implementing role answers. Notification receive endpoints are the
 * afnemer's (consumer's) side of the Notifications API, not the bron's.
 */
export function implementedOperations(registry: ApiRegistry): OperationDefinition[] {
  return Object.values(registry.operations).filter((operation) => operation.interaction !== 'notification');
}

/**
 * The scopes to ask for to call the operation: its required set, or of its alternatives the one
 * belonging to an API the request names (`POST /subscribe/students-api` → a Students scope), else the first.
 */
export function scopesFor(
  operation: OperationDefinition,
  namedInRequest: readonly string[] = [],
  registries: readonly ApiRegistry[] = QUALIFIABLE_REGISTRIES,
): readonly string[] {
  if (operation.scopes.length || !operation.scopeAlternatives?.length) return operation.scopes;
  const named = registries.filter((registry) => namedInRequest.includes(registry.api));
  const matching = operation.scopeAlternatives.find((set) => named.some((registry) => set.every((scope) => registry.scopes.includes(scope))));
  return matching ?? operation.scopeAlternatives[0]!;
}
