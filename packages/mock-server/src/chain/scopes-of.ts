import type { OperationDefinition } from '@eduvkit/core';

/** The scopes a token needs to call `operation`: all of `scopes`, or the first set of alternatives. */
export const scopesOf = (operation: OperationDefinition): readonly string[] =>
  operation.scopes.length ? operation.scopes : (operation.scopeAlternatives?.[0] ?? []);
