import type { ApiRegistry } from '@eduvkit/core';

/**
 * The scopes of the confirmations a role sends: it provides the request operation, so it calls
 * the confirmation endpoint of the request's verzender (e.g. the Licentieregistratie confirms entitlements).
 */
function confirmationScopes(role: string, registry: ApiRegistry): string[] {
  return Object.values(registry.operations).flatMap((operation) => {
    if (operation.exchange?.message !== 'request' || (operation.implementedBy ?? registry.roles.implementing) !== role) return [];
    const confirmation = registry.operations[operation.exchange.pair];
    return confirmation ? [...confirmation.scopes, ...(confirmation.scopeAlternatives ?? []).flat()] : [];
  });
}

/**
 * The scopes a reference component may be granted, derived from each API's calling roles and the
 * confirmations it sends. A scope the registry reserves (`scopeRoles`, e.g. the delivery address
 * for the ordering environment) goes only to those roles; every other scope of an API is open to
 * all of its calling roles (eduvkit's reading where the reference is silent).
 */
export function scopesForRole(role: string, registries: readonly ApiRegistry[]): Set<string> {
  const scopes = new Set<string>();
  for (const registry of registries) {
    for (const scope of confirmationScopes(role, registry)) scopes.add(scope);
    if (!registry.roles.calling.includes(role)) continue;
    for (const scope of registry.scopes) {
      const only = registry.scopeRoles?.[scope];
      if (!only || only.includes(role)) scopes.add(scope);
    }
  }
  return scopes;
}
