import type { JsonObject } from './bundle';
import { deref, listOperations, refName, type ParameterNode, type SchemaNode } from './spec-model';

const SUPPORTED_KEYS = new Set([
  '$ref',
  'type',
  'format',
  'enum',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'minItems',
  'maxItems',
  'items',
  'properties',
  'required',
  'additionalProperties',
  'nullable',
  'oneOf',
  'description',
  'example',
  'default',
]);

export const schemaConstName = (name: string): string => `${name}Schema`;

function literal(value: unknown): string {
  return JSON.stringify(value);
}

function assertSupported(node: SchemaNode, where: string): void {
  for (const key of Object.keys(node)) {
    if (!SUPPORTED_KEYS.has(key) && !key.startsWith('x-')) {
      throw new Error(`${where}: schema keyword "${key}" is not supported by the zod emitter`);
    }
  }
}

/**
 * `x-eduv-identifier` names an identifier whose format the reference gives; the property is then
 * checked by the validator of that name in `@eduvkit/core` (its message names the wrong part).
 */
const IDENTIFIER_SCHEMAS: Readonly<Record<string, string>> = {
  eckId: 'eckIdSchema',
  schoolPeriodId: 'schoolPeriodIdSchema',
  studyCode: 'studyCodeSchema',
  guid: 'guidSchema',
};

function identifierSchema(node: SchemaNode, where: string): string | undefined {
  const identifier = node['x-eduv-identifier'];
  if (identifier === undefined) return undefined;
  const schema = typeof identifier === 'string' && Object.hasOwn(IDENTIFIER_SCHEMAS, identifier) ? IDENTIFIER_SCHEMAS[identifier] : undefined;
  if (!schema) throw new Error(`${where}: x-eduv-identifier must be one of ${Object.keys(IDENTIFIER_SCHEMAS).join(', ')}`);
  if (node.type !== 'string' || node.enum || node.format || node.pattern)
    throw new Error(`${where}: x-eduv-identifier goes on a plain string (no enum, format or pattern)`);
  return schema;
}

function stringSchema(node: SchemaNode, where: string): string {
  const identifier = identifierSchema(node, where);
  if (identifier) return identifier;
  if (node.enum) return `z.enum(${literal(node.enum)})`;
  const base =
    {
      date: 'z.iso.date()',
      'date-time': 'z.iso.datetime()',
      uuid: 'z.guid()',
      email: 'z.email()',
      uri: 'z.url()',
    }[node.format ?? ''] ?? 'z.string()';
  let out = base;
  if (node.minLength !== undefined) out += `.min(${node.minLength})`;
  if (node.maxLength !== undefined) out += `.max(${node.maxLength})`;
  if (node.pattern !== undefined) out += `.regex(new RegExp(${literal(node.pattern)}))`;
  return out;
}

function numberSchema(node: SchemaNode): string {
  let out = node.type === 'integer' ? 'z.int()' : 'z.number()';
  if (node.minimum !== undefined) out += `.min(${node.minimum})`;
  if (node.maximum !== undefined) out += `.max(${node.maximum})`;
  return out;
}

function requiredOneOf(fields: string[]): string {
  // An empty string names nothing: Edu-V leaves an employee's userMasterIdentifier empty.
  const test = fields.map((field) => `(value.${field} ?? '') !== ''`).join(' || ');
  const message = `Either ${fields.join(' or ')} is required`;
  return `.refine((value) => ${test}, { message: ${literal(message)}, path: [${literal(fields[0])}] })`;
}

function objectSchema(node: SchemaNode, where: string, indent: string): string {
  const required = new Set(node.required ?? []);
  const inner = `${indent}  `;
  const lines = Object.entries(node.properties ?? {}).map(([key, child]) => {
    const expression = toZod(child, `${where}.${key}`, inner);
    return `${inner}${key}: ${expression}${required.has(key) ? '' : '.optional()'},`;
  });
  const body = lines.length ? `{\n${lines.join('\n')}\n${indent}}` : '{}';
  const extra = node.additionalProperties;
  let out: string;
  if (extra === true) out = `z.looseObject(${body})`;
  else if (extra === false) out = `z.strictObject(${body})`;
  else if (extra && typeof extra === 'object') out = `z.object(${body}).catchall(${toZod(extra, `${where}.*`, indent)})`;
  else out = `z.object(${body})`;
  const oneOf = node['x-eduv-required-one-of'];
  if (oneOf) out += requiredOneOf(oneOf);
  return out;
}

/** Translates one schema node into a zod 4 expression. */
export function toZod(node: SchemaNode, where: string, indent = ''): string {
  assertSupported(node, where);
  if (node.$ref) return schemaConstName(refName(node.$ref));
  let out: string;
  if (node.oneOf) {
    out = `z.union([${node.oneOf.map((option, index) => toZod(option, `${where}.oneOf[${index}]`, indent)).join(', ')}])`;
  } else {
    switch (node.type) {
      case 'string':
        out = stringSchema(node, where);
        break;
      case 'integer':
      case 'number':
        out = numberSchema(node);
        break;
      case 'boolean':
        out = 'z.boolean()';
        break;
      case 'array': {
        if (!node.items) throw new Error(`${where}: array without items`);
        out = `z.array(${toZod(node.items, `${where}[]`, indent)})`;
        if (node.minItems !== undefined) out += `.min(${node.minItems})`;
        if (node.maxItems !== undefined) out += `.max(${node.maxItems})`;
        break;
      }
      case 'object':
        out = objectSchema(node, where, indent);
        break;
      default:
        throw new Error(`${where}: schema without a supported type`);
    }
  }
  return node.nullable ? `${out}.nullable()` : out;
}

/** Query and path values arrive as strings: booleans and integers are decoded strictly. */
function parameterToZod(doc: JsonObject, parameter: ParameterNode, where: string): string {
  const schema = deref(doc, parameter.schema);
  let out: string;
  if (schema.type === 'boolean') {
    out = `z.enum(['true', 'false']).transform((value) => value === 'true')`;
  } else if (schema.type === 'integer') {
    out = `z.string().regex(/^-?\\d+$/, 'expected an integer').transform(Number).pipe(${numberSchema(schema)})`;
  } else if (schema.type === 'string') {
    out = toZod(parameter.schema, where);
  } else {
    throw new Error(`${where}: parameter type ${schema.type} is not supported`);
  }
  return `${out}${parameter.required ? '' : '.optional()'}`;
}

function componentDependencies(node: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(node)) node.forEach((item) => componentDependencies(item, into));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') into.add(refName(value));
      else componentDependencies(value, into);
    }
  }
  return into;
}

/** Component names in an order where every schema comes after the ones it references. */
export function orderComponentSchemas(schemas: Record<string, SchemaNode>): string[] {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, chain: string[]): void => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') throw new Error(`recursive schemas are not supported: ${[...chain, name].join(' → ')}`);
    const schema = schemas[name];
    if (!schema) throw new Error(`unknown schema ${name}`);
    state.set(name, 'visiting');
    for (const dependency of [...componentDependencies(schema, new Set())].sort()) visit(dependency, [...chain, name]);
    state.set(name, 'done');
    order.push(name);
  };
  for (const name of Object.keys(schemas).sort()) visit(name, []);
  return order;
}

export interface OperationSchemaNames {
  query?: string;
  path?: string;
  body?: string;
  responses: Record<string, string | undefined>;
}

export interface ZodModule {
  source: string;
  components: string[];
  operations: Record<string, OperationSchemaNames>;
}

export function emitZodModule(doc: JsonObject, header: string): ZodModule {
  const schemas = ((doc.components as JsonObject | undefined)?.schemas ?? {}) as Record<string, SchemaNode>;
  const components = orderComponentSchemas(schemas);
  const blocks: string[] = [];
  for (const name of components) {
    blocks.push(`export const ${schemaConstName(name)} = ${toZod(schemas[name]!, name)};`);
  }

  const operations: Record<string, OperationSchemaNames> = {};
  for (const { operation } of listOperations(doc)) {
    const id = operation.operationId;
    const names: OperationSchemaNames = { responses: {} };
    const parameters = (operation.parameters ?? []).map((parameter) => deref(doc, parameter));
    for (const location of ['query', 'path'] as const) {
      const own = parameters.filter((parameter) => parameter.in === location);
      if (!own.length) continue;
      const constName = `${id}${location === 'query' ? 'Query' : 'Path'}Schema`;
      const lines = own.map((parameter) => `  ${parameter.name}: ${parameterToZod(doc, parameter, `${id}.${parameter.name}`)},`);
      blocks.push(`export const ${constName} = z.object({\n${lines.join('\n')}\n});`);
      names[location] = constName;
    }
    const bodySchema = operation.requestBody?.content['application/json']?.schema;
    if (bodySchema) {
      names.body = bodySchema.$ref ? schemaConstName(refName(bodySchema.$ref)) : `${id}BodySchema`;
      if (!bodySchema.$ref) blocks.push(`export const ${names.body} = ${toZod(bodySchema, `${id}.body`)};`);
    }
    for (const [status, response] of Object.entries(operation.responses)) {
      const schema = deref(doc, response).content?.['application/json']?.schema;
      if (!schema) {
        names.responses[status] = undefined;
      } else if (schema.$ref) {
        names.responses[status] = schemaConstName(refName(schema.$ref));
      } else {
        const constName = `${id}Response${status}Schema`;
        blocks.push(`export const ${constName} = ${toZod(schema, `${id}.${status}`)};`);
        names.responses[status] = constName;
      }
    }
    operations[id] = names;
  }

  const body = blocks.join('\n\n');
  const identifiers = Object.values(IDENTIFIER_SCHEMAS).filter((name) => new RegExp(`\\b${name}\\b`).test(body));
  const core = identifiers.length ? `import { ${identifiers.join(', ')} } from '@eduvkit/core';\n` : '';
  const source = `${header}${core}import { z } from 'zod';\n\n${body}\n`;
  return { source, components, operations };
}
