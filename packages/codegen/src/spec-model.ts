import type { JsonObject } from './bundle';

/** The subset of OpenAPI 3.0 Schema Object that eduvkit's specs use. */
export interface SchemaNode {
  $ref?: string;
  type?: 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object';
  format?: string;
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: SchemaNode;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  additionalProperties?: boolean | SchemaNode;
  nullable?: boolean;
  oneOf?: SchemaNode[];
  description?: string;
  'x-eduv-required-one-of'?: string[];
  'x-eduv-scope'?: string;
  [extension: `x-${string}`]: unknown;
}

export interface ParameterNode {
  $ref?: string;
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  required?: boolean;
  schema: SchemaNode;
  [extension: `x-${string}`]: unknown;
}

export interface OperationNode {
  operationId: string;
  summary?: string;
  parameters?: ParameterNode[];
  requestBody?: { required?: boolean; content: Record<string, { schema: SchemaNode }> };
  responses: Record<string, { $ref?: string; content?: Record<string, { schema: SchemaNode }> }>;
  security?: Record<string, string[]>[];
  'x-eduv-interaction'?: string;
  'x-eduv-idempotent'?: boolean;
  [extension: `x-${string}`]: unknown;
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

export function refName(ref: string): string {
  return ref.slice(ref.lastIndexOf('/') + 1);
}

/** Follows a local `#/components/...` reference in a bundled document. */
export function deref<T>(doc: JsonObject, node: T): T {
  let current = node as { $ref?: string };
  const seen = new Set<string>();
  while (current && typeof current.$ref === 'string') {
    if (seen.has(current.$ref)) throw new Error(`circular $ref ${current.$ref}`);
    seen.add(current.$ref);
    const path = current.$ref.replace(/^#\//, '').split('/');
    let target: unknown = doc;
    for (const segment of path) target = (target as JsonObject | undefined)?.[segment];
    if (target === undefined) throw new Error(`unresolved $ref ${current.$ref}`);
    current = target as { $ref?: string };
  }
  return current as T;
}

export interface OperationEntry {
  method: (typeof HTTP_METHODS)[number];
  path: string;
  operation: OperationNode;
}

export function listOperations(doc: JsonObject): OperationEntry[] {
  const entries: OperationEntry[] = [];
  const paths = (doc.paths ?? {}) as Record<string, Record<string, OperationNode>>;
  for (const [path, item] of Object.entries(paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (operation) entries.push({ method, path, operation });
    }
  }
  return entries;
}

/** The operation's success status: its first 2xx response. */
export function successStatus(operation: OperationNode): string {
  const status = Object.keys(operation.responses).find((candidate) => candidate.startsWith('2'));
  if (!status) throw new Error(`${operation.operationId}: no 2xx response`);
  return status;
}

/** `students` → `Students`, `mock-server` → `MockServer`. */
export function pascal(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_, _dash: string, letter: string) => letter.toUpperCase());
}
