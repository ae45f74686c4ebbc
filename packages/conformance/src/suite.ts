import type { ApiRegistry } from '@eduvkit/core';
import { missingBodyFieldCases } from './cases/body-fields';
import { businessCases } from './cases/business';
import type { CaseDefinition } from './cases/case';
import { positiveCase, schemaCase } from './cases/positive';
import { refusalCases } from './cases/refusals';
import { RUN_WIDE_CASES } from './cases/run-wide';
import { implementedOperations } from './registry-facts';

/**
 * The bron (implementing role) suite of an API, derived from its registry alone: per operation the
 * testlab's positive, missing-body-field and business cases plus eduvkit's refusal and schema
 * checks, then the checks over every answer of the run.
 */
export function bronSuite(registry: ApiRegistry): CaseDefinition[] {
  const perOperation = implementedOperations(registry).flatMap((operation) => [
    positiveCase(operation),
    schemaCase(operation),
    ...missingBodyFieldCases(operation),
    ...businessCases(operation),
    ...refusalCases(operation, registry),
  ]);
  return [...perOperation, ...RUN_WIDE_CASES];
}
