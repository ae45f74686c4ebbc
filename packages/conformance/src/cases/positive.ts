import type { OperationDefinition } from '@eduvkit/core';
import { validationIssues } from '@eduvkit/core';
import { eduvkitCode, kvtBaseCode } from '../case-id';
import { failed, judge, passed, skipped, type CaseDefinition } from './case';

const describe = (operation: OperationDefinition): string => `${operation.method} ${operation.path}`;

/** The testlab's positive case: the operation's request, answered with its success status. */
export function positiveCase(operation: OperationDefinition): CaseDefinition {
  return {
    id: kvtBaseCode(operation),
    title: `${describe(operation)}: ${operation.summary}`,
    severity: 'Hoog',
    async run(context) {
      const answer = await context.positive(operation);
      if ('skipped' in answer) return skipped(answer.skipped);
      return judge(answer, { httpStatus: operation.successStatus });
    },
  };
}

/** The positive answer's body, strictly valid against the spec's success schema, every issue with its JSON path. */
export function schemaCase(operation: OperationDefinition): CaseDefinition {
  return {
    id: eduvkitCode('SCHEMA', kvtBaseCode(operation)),
    title: `${describe(operation)}: the answer is valid against the spec`,
    severity: 'Hoog',
    async run(context) {
      const answer = await context.positive(operation);
      if ('skipped' in answer) return skipped(answer.skipped);
      if (answer.response?.status !== operation.successStatus) {
        return skipped(
          `the positive request got ${answer.response ? `HTTP ${answer.response.status}` : 'no answer'}, so there is no answer to validate`,
          answer,
        );
      }
      const schema = operation.responses[operation.successStatus];
      if (!schema) {
        return answer.response.body === undefined
          ? passed('the spec gives no body and none came', answer)
          : failed('the spec gives no body for this answer, but one came', answer);
      }
      const checked = schema.safeParse(answer.response.body);
      if (checked.success) return passed(`the HTTP ${operation.successStatus} body is valid against the spec`, answer);
      const issues = validationIssues(checked.error);
      const shown = issues
        .slice(0, 10)
        .map((issue) => `${issue.path}: ${issue.message}`)
        .join('; ');
      return failed(
        `the body does not match the spec (${issues.length} issue${issues.length === 1 ? '' : 's'}): ${shown}${issues.length > 10 ? '; …' : ''}`,
        answer,
      );
    },
  };
}
