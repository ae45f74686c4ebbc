import type { JsonObject } from './bundle';
import { notificationFacts, scopeRoles } from './emit-catalogue';
import { readBusinessCodes, requiredBodyFields } from './business-codes';
import type { ZodModule } from './emit-zod';
import { deref, listOperations, successStatus as successStatusOf, type OperationNode } from './spec-model';

const INTERACTIONS = new Set(['pull-sync', 'push-sync', 'push-async', 'notification']);

function literal(value: unknown): string {
  return JSON.stringify(value);
}

/** Scope-gated attributes of the object an operation returns (for arrays, of its items). */
function attributeScopes(doc: JsonObject, operation: OperationNode, successStatus: string): Record<string, string> {
  if (!operation['x-eduv-scope-attributes']) return {};
  let schema = deref(doc, deref(doc, operation.responses[successStatus]!).content?.['application/json']?.schema);
  if (!schema) return {};
  schema = deref(doc, schema);
  if (schema.type === 'array' && schema.items) schema = deref(doc, schema.items);
  const required = new Set(operation.security?.[0] ? Object.values(operation.security[0]).flat() : []);
  const scopes: Record<string, string> = {};
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const scope = property['x-eduv-scope'] ?? deref(doc, property)['x-eduv-scope'];
    if (typeof scope === 'string' && !required.has(scope)) scopes[name] = scope;
  }
  return scopes;
}

const EXCHANGE_MESSAGES = new Set(['request', 'confirmation']);

interface ExchangeExtension {
  message: string;
  reference: string;
  receipt?: string;
  processedAt?: string;
  pair: string;
}

/** `x-eduvkit-exchange` checked against the operation and its pair, so the registry never names a field the body lacks. */
function exchangeFacts(doc: JsonObject, operation: OperationNode, byId: Map<string, OperationNode>): ExchangeExtension | undefined {
  const declared = operation['x-eduvkit-exchange'] as ExchangeExtension | undefined;
  const id = operation.operationId;
  if (!declared) return undefined;
  if (operation['x-eduv-interaction'] !== 'push-async') throw new Error(`${id}: x-eduvkit-exchange belongs on push-async operations only`);
  if (!EXCHANGE_MESSAGES.has(declared.message)) throw new Error(`${id}: x-eduvkit-exchange.message must be request or confirmation`);
  const pair = byId.get(declared.pair);
  if (!pair) throw new Error(`${id}: x-eduvkit-exchange.pair ${declared.pair} is not an operation of this API`);
  const pairFacts = pair['x-eduvkit-exchange'] as ExchangeExtension | undefined;
  if (!pairFacts || pairFacts.pair !== id || pairFacts.message === declared.message || pairFacts.reference !== declared.reference) {
    throw new Error(`${id}: x-eduvkit-exchange and that of ${declared.pair} must name each other, opposite messages and one reference field`);
  }
  const body = deref(doc, operation.requestBody?.content['application/json']?.schema);
  const properties = body?.properties ?? {};
  const fields = [declared.reference, ...(declared.message === 'confirmation' ? [declared.receipt, declared.processedAt] : [])];
  for (const field of fields) {
    if (field !== undefined && !(field in properties)) throw new Error(`${id}: x-eduvkit-exchange names ${field}, which the request body does not have`);
  }
  return {
    message: declared.message,
    reference: declared.reference,
    ...(declared.receipt ? { receipt: declared.receipt } : {}),
    ...(declared.processedAt ? { processedAt: declared.processedAt } : {}),
    pair: declared.pair,
  };
}

const SCHOOL_SELECTIONS = ['query', 'body', 'none'] as const;

/**
 * Where the bron helpers read the school from: `x-eduv-school-selection` when the spec says so (an
 * operation whose school parameters are optional handles them itself), else derived.
 */
function schoolSelection(doc: JsonObject, operation: OperationNode): (typeof SCHOOL_SELECTIONS)[number] {
  const declared = operation['x-eduv-school-selection'];
  if (declared !== undefined) {
    if (!SCHOOL_SELECTIONS.includes(declared as never))
      throw new Error(`${operation.operationId}: x-eduv-school-selection must be one of ${SCHOOL_SELECTIONS.join(', ')}`);
    return declared as (typeof SCHOOL_SELECTIONS)[number];
  }
  const parameters = (operation.parameters ?? []).map((parameter) => deref(doc, parameter));
  if (parameters.some((parameter) => parameter.in === 'query' && parameter.name === 'orgMasterId')) return 'query';
  const body = operation.requestBody?.content['application/json']?.schema;
  if (body && deref(doc, body).properties?.school) return 'body';
  return 'none';
}

/** Every scope the spec's OAuth scheme defines. */
export function apiScopes(doc: JsonObject): string[] {
  const scheme = Object.values(((doc.components as JsonObject).securitySchemes ?? {}) as Record<string, JsonObject>)[0];
  const flows = scheme?.flows as { clientCredentials?: { scopes: Record<string, string> } } | undefined;
  return Object.keys(flows?.clientCredentials?.scopes ?? {});
}

export function emitRegistryModule(doc: JsonObject, zod: ZodModule, exportName: string, typesName: string, header: string): string {
  const info = doc.info as JsonObject;
  const version = String(info.version);
  const api = info['x-eduv-api'];
  if (typeof api !== 'string') throw new Error('info.x-eduv-api is required');
  const roles = info['x-eduv-roles'] as { implementing: string; calling: string[] } | undefined;
  if (!roles) throw new Error('info.x-eduv-roles is required');
  const major = Number(version.split('.')[0]);
  const allScopes = apiScopes(doc);
  const notifications = notificationFacts(doc, allScopes);
  const reserved = scopeRoles(doc, allScopes, roles.calling);

  const listed = listOperations(doc);
  const byId = new Map(listed.map(({ operation }) => [operation.operationId, operation] as const));
  const operations = listed.map(({ method, path, operation }) => {
    const id = operation.operationId;
    const interaction = operation['x-eduv-interaction'];
    if (!interaction || !INTERACTIONS.has(interaction)) throw new Error(`${id}: x-eduv-interaction missing or unknown`);
    const names = zod.operations[id]!;
    const exchange = exchangeFacts(doc, operation, byId);
    const statuses = Object.keys(operation.responses);
    const successStatus = successStatusOf(operation);
    const idempotent = method === 'post' || method === 'patch' ? operation['x-eduv-idempotent'] === true : true;
    const security = operation.security ?? (doc.security as OperationNode['security']);
    // Several security requirements mean "any one of them" (OpenAPI); one means "all of these".
    const requirementSets = (security ?? []).map((requirement) => Object.values(requirement).flat());
    const scopes = requirementSets.length === 1 ? requirementSets[0]! : [];
    const scopeAlternatives = requirementSets.length > 1 ? requirementSets : undefined;
    const parameters = (operation.parameters ?? [])
      .map((parameter) => deref(doc, parameter))
      .map((parameter) => ({ name: parameter.name, in: parameter.in, required: parameter.required === true }));
    const responses = statuses.map((status) => `        ${status}: ${names.responses[status] ? `s.${names.responses[status]}` : 'undefined'},`).join('\n');
    const fields = [
      `operationId: ${literal(id)}`,
      `method: ${literal(method.toUpperCase())}`,
      `path: ${literal(path)}`,
      `summary: ${literal(operation.summary ?? '')}`,
      `interaction: ${literal(interaction)}`,
      `idempotent: ${idempotent}`,
      `scopes: ${literal(scopes)}`,
      ...(scopeAlternatives ? [`scopeAlternatives: ${literal(scopeAlternatives)}`] : []),
      `attributeScopes: ${literal(attributeScopes(doc, operation, successStatus))}`,
      `parameters: ${literal(parameters)}`,
      `schoolSelection: ${literal(schoolSelection(doc, operation))}`,
      ...(names.query ? [`query: s.${names.query}`] : []),
      ...(names.path ? [`pathParams: s.${names.path}`] : []),
      ...(names.body ? [`body: s.${names.body}`] : []),
      `bodyRequired: ${operation.requestBody?.required === true}`,
      `requiredBodyFields: ${literal(requiredBodyFields(doc, operation))}`,
      `businessCodes: ${literal(readBusinessCodes(doc, operation))}`,
      `successStatus: ${Number(successStatus)}`,
      ...(typeof operation['x-eduv-implemented-by'] === 'string' ? [`implementedBy: ${literal(operation['x-eduv-implemented-by'])}`] : []),
      ...(exchange ? [`exchange: ${literal(exchange)}`] : []),
    ];
    return `    ${id}: {\n${fields.map((field) => `      ${field},`).join('\n')}\n      responses: {\n${responses}\n      },\n    },`;
  });

  return `${header}import { defineTypedApi } from '@eduvkit/core';
import type { ${typesName} } from './operations';
import * as s from './schemas';

export const ${exportName} = defineTypedApi<${typesName}>()({
  api: ${literal(api)},
  title: ${literal(info.title)},
  version: ${literal(version)},
  major: ${major},
  basePath: ${literal(`/${api}/v${major}`)},
  roles: ${literal({ implementing: roles.implementing, calling: roles.calling })},
  consentRequired: ${info['x-eduv-consent-required'] === true},
  scopes: ${literal(allScopes)},
${reserved ? `  scopeRoles: ${literal(reserved)},\n` : ''}${notifications ? `  notifications: ${literal(notifications)},\n` : ''}  operations: {
${operations.join('\n')}
  },
});
`;
}
