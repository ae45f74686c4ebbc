import type { ApiRegistry, OperationDefinition } from '@eduvkit/core';
import { QUALIFIABLE_REGISTRIES } from './apis';

/** An Edu-V business (20xx) refusal of an operation, as the registry states it. */
export interface BusinessCodeFact {
  readonly status: number;
  readonly httpStatus: number;
  readonly message: string;
  readonly trigger: { readonly in: 'query' | 'path' | 'body' | 'school'; readonly name: string };
}

export interface Refusal {
  readonly httpStatus: number;
  readonly status: number;
}

export function businessCodesOf(operation: OperationDefinition): readonly BusinessCodeFact[] {
  return (operation as { businessCodes?: readonly BusinessCodeFact[] }).businessCodes ?? [];
}

/** What the spec says a bron answers when the school in the request is not one it knows. */
export function unknownSchoolAnswer(operation: OperationDefinition): Refusal {
  const code = businessCodesOf(operation).find((candidate) => candidate.trigger.in === 'school');
  return code ? { httpStatus: code.httpStatus, status: code.status } : { httpStatus: 400, status: 23 };
}

/** Top-level body properties the spec requires. */
export function requiredBodyFieldsOf(operation: OperationDefinition): readonly string[] {
  const declared = (operation as { requiredBodyFields?: readonly string[] }).requiredBodyFields;
  if (declared) return declared;
  const shape = (operation.body as { shape?: Record<string, { safeParse(value: unknown): { success: boolean } }> } | undefined)?.shape;
  if (!shape) return [];
  return Object.entries(shape)
    .filter(([, field]) => !field.safeParse(undefined).success)
    .map(([name]) => name);
}

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
export function scopesFor(operation: OperationDefinition, namedInRequest: readonly string[] = [], registries: readonly ApiRegistry[] = QUALIFIABLE_REGISTRIES): readonly string[] {
  if (operation.scopes.length || !operation.scopeAlternatives?.length) return operation.scopes;
  const named = registries.filter((registry) => namedInRequest.includes(registry.api));
  const matching = operation.scopeAlternatives.find((set) => named.some((registry) => set.every((scope) => registry.scopes.includes(scope))));
  return matching ?? operation.scopeAlternatives[0]!;
}
