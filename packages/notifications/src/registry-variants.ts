import type { ApiRegistry, OperationDefinition } from '@eduvkit/core';

/** The registry with other required scopes for some operations (the rest unchanged). */
export function withOperationScopes<R extends ApiRegistry>(registry: R, scopes: Partial<Record<keyof R['operations'] & string, readonly string[]>>): R {
  const operations: Record<string, OperationDefinition> = { ...registry.operations };
  for (const [operationId, required] of Object.entries(scopes) as [string, readonly string[]][]) {
    const operation = operations[operationId];
    if (!operation) throw new Error(`${registry.api} has no operation ${operationId}`);
    operations[operationId] = { ...operation, scopes: required };
  }
  return { ...registry, operations } as R;
}
