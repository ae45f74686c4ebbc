import type { JsonObject } from './bundle';
import { deref, listOperations, type OperationEntry } from './spec-model';

export interface ClientNames {
  /** e.g. `Students`: gives `StudentsMethods`, `createStudentsMethods`, `StudentsClient`. */
  readonly pascalName: string;
  readonly registry: string;
  readonly operationsType: string;
  /** The generated methods are the package's client (no hand-written layer over them). */
  readonly isClient: boolean;
}

interface Parts {
  readonly query: boolean;
  readonly queryRequired: boolean;
  readonly path: readonly string[];
  readonly body: boolean;
}

function partsOf(doc: JsonObject, { operation }: OperationEntry): Parts {
  const parameters = (operation.parameters ?? []).map((parameter) => deref(doc, parameter));
  const query = parameters.filter((parameter) => parameter.in === 'query');
  return {
    query: query.length > 0,
    queryRequired: query.some((parameter) => parameter.required === true),
    path: parameters.filter((parameter) => parameter.in === 'path').map((parameter) => parameter.name),
    body: operation.requestBody?.content['application/json'] !== undefined,
  };
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The client method of an operation, from `x-eduvkit-method`; undefined when the client has none. */
export function clientMethod(operation: JsonObject): string | undefined {
  const name = operation['x-eduvkit-method'];
  if (name === undefined) return undefined;
  if (typeof name !== 'string' || !/^[a-z][A-Za-z0-9]*$/.test(name)) {
    throw new Error(`${String(operation.operationId)}: x-eduvkit-method must be a camelCase identifier`);
  }
  return name;
}

/**
 * The method of one operation. Its arguments follow from what the request has: only a body →
 * `(body, options?)`; only one path parameter → `(id, options?)`; only a query → `(query, options?)`;
 * nothing → `(options?)`; anything else → `call()`'s own options object.
 */
function method(doc: JsonObject, entry: OperationEntry): { signature: string; body: string } {
  const id = entry.operation.operationId;
  const types = `Ops[${JSON.stringify(id)}]`;
  const request = `${types}['request']`;
  const returns = `Promise<EduvResponse<${types}['response']>>`;
  const { query, queryRequired, path, body } = partsOf(doc, entry);
  const call = (args: string) => `client.call(${JSON.stringify(id)}, ${args})`;
  if (body && !query && path.length === 0) {
    return {
      signature: `(body: NonNullable<${request}['body']>, options?: TransportOptions): ${returns}`,
      body: `(body, options = {}) => ${call('{ ...options, body }')}`,
    };
  }
  const [only] = path;
  if (only !== undefined && path.length === 1 && IDENTIFIER.test(only) && !body && !query) {
    return {
      signature: `(${only}: NonNullable<${request}['path']>[${JSON.stringify(only)}], options?: TransportOptions): ${returns}`,
      body: `(${only}, options = {}) => ${call(`{ ...options, path: { ${only} } }`)}`,
    };
  }
  if (query && path.length === 0 && !body) {
    const optional = queryRequired ? '' : '?';
    return {
      signature: `(query${optional}: NonNullable<${request}['query']>, options?: TransportOptions): ${returns}`,
      body: `(query, options = {}) => ${call('{ ...options, query }')}`,
    };
  }
  if (!query && path.length === 0 && !body) {
    return { signature: `(options?: TransportOptions): ${returns}`, body: `(options = {}) => ${call('options')}` };
  }
  return { signature: `(...options: CallArgs<${types}>): ${returns}`, body: `(...options) => client.call(${JSON.stringify(id)}, ...options)` };
}

/** The name of each operation's client method: `x-eduvkit-method`, else the operationId. Refuses two operations on one name. */
export function methodNames(doc: JsonObject): Map<string, OperationEntry> {
  const byName = new Map<string, OperationEntry>();
  for (const entry of listOperations(doc)) {
    const name = clientMethod(entry.operation as unknown as JsonObject) ?? entry.operation.operationId;
    const taken = byName.get(name);
    if (taken) throw new Error(`${entry.operation.operationId}: client method ${name} is already ${taken.operation.operationId}'s`);
    byName.set(name, entry);
  }
  return byName;
}

/** `generated/client.ts`: one typed method per operation over `createApiClient`, without a cast. */
export function emitClientModule(doc: JsonObject, names: ClientNames, header: string): string {
  const title = String((doc.info as JsonObject).title);
  const { pascalName, registry, operationsType, isClient } = names;
  const members: string[] = [];
  const implementations: string[] = [];
  for (const [name, entry] of methodNames(doc)) {
    const { signature, body } = method(doc, entry);
    const summary = entry.operation.summary ? `: ${entry.operation.summary.replace(/\*\//g, '*\\/')}` : '';
    members.push(`  /** \`${entry.method.toUpperCase()} ${entry.path}\` (${entry.operation.operationId})${summary} */\n  ${name}${signature};`);
    implementations.push(`    ${name}: ${body},`);
  }
  const alias = isClient
    ? `
/** The client of the ${title}. */
export type ${pascalName}Client = ${pascalName}Methods;

/** Client of the ${title}: one method per operation. */
export const create${pascalName}Client = create${pascalName}Methods;
`
    : '';
  return `${header}import { createApiClient, type ApiClient, type ApiClientOptions, type CallArgs, type EduvResponse, type TransportOptions } from '@eduvkit/core';
import type { ${operationsType} as Ops } from './operations';
import { ${registry} } from './registry';

/** One method per operation of the ${title}, named by the spec's \`x-eduvkit-method\` or else the operationId. */
export interface ${pascalName}Methods {
${members.join('\n')}
}

/** The methods over a new client from \`options\`, or over an existing client of this API. */
export function create${pascalName}Methods(options: ApiClientOptions | ApiClient<typeof ${registry}>): ${pascalName}Methods {
  const client = 'call' in options ? options : createApiClient(${registry}, options);
  return {
${implementations.join('\n')}
  };
}
${alias}`;
}
