import type { OperationDefinition } from '@eduvkit/core';
import { EduvStatus } from '@eduvkit/core';
import { kvtBaseCode, missingBodyFieldCode } from '../case-id';
import { judge, skipped, type CaseDefinition } from './case';

/** The testlab's MISSINGREQUIREDBODYFIELD cases: the positive body without one required property → 400 / 0011. */
export function missingBodyFieldCases(operation: OperationDefinition): CaseDefinition[] {
  if (!operation.body) return [];
  const base = kvtBaseCode(operation);
  return operation.requiredBodyFields.map((field) => ({
    id: missingBodyFieldCode(base, field),
    title: `${operation.method} ${operation.path} without the required body field "${field}" → 400 / 0011`,
    severity: 'Middel',
    async run(context) {
      const plan = await context.plan(operation);
      if (!plan.ok) return skipped(plan.reason);
      const { [field]: _dropped, ...body } = (plan.request.body ?? {}) as Record<string, unknown>;
      const exchange = await context.send({ ...plan.request, body });
      return judge(exchange, { httpStatus: 400, eduvStatus: EduvStatus.SchemaIncorrect });
    },
  }));
}
