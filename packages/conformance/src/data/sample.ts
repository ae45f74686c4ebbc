import { randomUUID } from 'node:crypto';
import { z } from 'zod';

/** A JSON Schema node as zod's `toJSONSchema` writes it (the parts the kit reads). */
export interface SchemaNode {
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly required?: readonly string[];
  readonly items?: SchemaNode;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly format?: string;
  readonly pattern?: string;
  readonly minimum?: number;
  readonly minItems?: number;
  readonly minLength?: number;
  readonly anyOf?: readonly SchemaNode[];
  readonly oneOf?: readonly SchemaNode[];
  readonly allOf?: readonly SchemaNode[];
}

export function jsonSchemaOf(schema: z.ZodType): SchemaNode {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', reused: 'inline', cycles: 'ref' }) as SchemaNode;
}

/** Fills a property by name before the generic rules apply (the school, a person found in the data). */
export type SampleHint = (name: string, node: SchemaNode) => unknown;

const typeOf = (node: SchemaNode): string | undefined =>
  Array.isArray(node.type) ? node.type.find((type) => type !== 'null') : (node.type as string | undefined);

function sampleString(node: SchemaNode): string {
  if (node.format === 'date') return new Date().toISOString().slice(0, 10);
  if (node.format === 'date-time') return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  if (node.format === 'uuid') return randomUUID();
  if (node.format === 'uri' || node.format === 'url') return 'https://example.org/eduvkit-conformance';
  if (node.format === 'email') return 'conformance@example.org';
  return 'eduvkit-conformance';
}

/**
 * The smallest value the schema accepts as far as JSON Schema tells: required properties only,
 * first enum value, one array item where one is required. Refinements zod cannot express in JSON
 * Schema (one-of rules, identifier formats) are the hints' job.
 */
export function sampleValue(node: SchemaNode, hint: SampleHint = () => undefined, name = ''): unknown {
  const hinted = name ? hint(name, node) : undefined;
  if (hinted !== undefined) return hinted;
  if (node.const !== undefined) return node.const;
  if (node.enum?.length) return node.enum[0];
  const alternative = node.anyOf?.[0] ?? node.oneOf?.[0];
  if (alternative) return sampleValue(alternative, hint, name);
  if (node.allOf?.length) return Object.assign({}, ...node.allOf.map((part) => sampleValue(part, hint, name)));
  switch (typeOf(node)) {
    case 'object': {
      const result: Record<string, unknown> = {};
      for (const key of node.required ?? []) {
        const property = node.properties?.[key];
        if (property) result[key] = sampleValue(property, hint, key);
      }
      return result;
    }
    case 'array':
      return node.items && (node.minItems ?? 0) > 0 ? [sampleValue(node.items, hint, name)] : [];
    case 'integer':
    case 'number':
      return Math.max(node.minimum ?? 1, 1);
    case 'boolean':
      return true;
    case 'string':
      return sampleString(node);
    default:
      return undefined;
  }
}

/** A value of the wrong JSON type for the node: what a malformed-input case sends. */
export function wrongTypeValue(node: SchemaNode): unknown {
  const type = typeOf(node) ?? (node.enum ? 'string' : undefined);
  if (node.enum?.length) return 'EDUVKIT_NOT_AN_ALLOWED_VALUE';
  switch (type) {
    case 'object':
    case 'array':
      return 'not-an-object';
    case 'integer':
    case 'number':
    case 'boolean':
      return 'not-a-number';
    default:
      return node.format ? `not-a-${node.format}` : { unexpected: 'object' };
  }
}
