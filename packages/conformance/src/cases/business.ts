import type { BusinessCode, OperationDefinition } from '@eduvkit/core';
import { businessCode, kvtBaseCode } from '../case-id';
import { unknownId, unknownOrgMasterId } from '../data/unknown-values';
import type { SchemaNode } from '../data/sample';
import { fillPath, schemaNode, type PlannedRequest, type SuiteContext } from '../suite-context';
import { judge, skipped, type CaseDefinition } from './case';

function getPath(body: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((value, key) => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined), body);
}

function nodeAt(node: SchemaNode | undefined, path: string): SchemaNode | undefined {
  return path.split('.').reduce<SchemaNode | undefined>((current, key) => current?.properties?.[key], node);
}

/** The same shape as a real value with every free-text leaf an unknown id: a reference to nobody. */
function unknownLike(value: unknown, node: SchemaNode | undefined): unknown {
  if (Array.isArray(value)) return value.map((item) => unknownLike(item, node?.items));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, unknownLike(inner, node?.properties?.[key])]));
  }
  return typeof value === 'string' && !node?.enum ? unknownId() : value;
}

function setPath(body: unknown, path: string, value: unknown): unknown {
  const [head, ...rest] = path.split('.');
  const object = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  return { ...object, [head!]: rest.length ? setPath(object[head!], rest.join('.'), value) : value };
}

/** The planned request with the school selection pointing at a school the bron cannot know. */
export function withUnknownSchool(request: PlannedRequest, context: SuiteContext): PlannedRequest {
  const unknown = unknownOrgMasterId(context.settings.school);
  if (request.operation.schoolSelection === 'body') return { ...request, body: setPath(request.body, 'school', context.schoolReference(unknown)) };
  const { orgId: _orgId, orgIdType: _orgIdType, ...query } = request.query;
  return { ...request, query: { ...query, orgMasterId: unknown } };
}

function withUnknown(request: PlannedRequest, code: BusinessCode, caseCode: string, context: SuiteContext): PlannedRequest {
  const { trigger } = code;
  const data = context.settings.testData;
  switch (trigger.in) {
    case 'school':
      return withUnknownSchool(request, context);
    case 'query':
      return { ...request, query: { ...request.query, [trigger.name]: data.queryParam(caseCode, trigger.name) ?? unknownId() } };
    case 'path': {
      const pathParams = { ...request.pathParams, [trigger.name]: data.pathParam(caseCode, trigger.name) ?? unknownId() };
      return { ...request, pathParams, path: fillPath(request.operation.path, pathParams) };
    }
    case 'body': {
      const real = getPath(request.body, trigger.name);
      const node = request.operation.body ? nodeAt(schemaNode(request.operation.body), trigger.name) : undefined;
      return { ...request, body: setPath(request.body, trigger.name, real === undefined ? unknownId() : unknownLike(real, node)) };
    }
  }
}

/** The testlab's BUSINESS<code> cases: one per business code the spec gives the operation. */
export function businessCases(operation: OperationDefinition): CaseDefinition[] {
  const base = kvtBaseCode(operation);
  return operation.businessCodes.map((code) => {
    const id = businessCode(base, code.status);
    return {
      id,
      title: `${operation.method} ${operation.path} with an unknown ${code.trigger.in === 'school' ? 'school' : code.trigger.name} → ${code.httpStatus} / ${String(code.status).padStart(4, '0')} ${code.message}`,
      severity: 'Middel',
      async run(context) {
        const plan = await context.plan(operation);
        if (!plan.ok) return skipped(plan.reason);
        const exchange = await context.send(withUnknown(plan.request, code, id, context));
        return judge(exchange, { httpStatus: code.httpStatus, eduvStatus: code.status });
      },
    } satisfies CaseDefinition;
  });
}
