import type { JsonObject } from './bundle';
import { deref, listOperations, type SchemaNode } from './spec-model';

export interface ProvenanceEntry {
  element: string;
  /** Edu-V source marker (N, T, O, E, R) or undefined when only eduvkit's assumption backs it. */
  source?: string;
  assumed?: string;
}

type Marked = { 'x-eduv-src'?: unknown; 'x-eduvkit-assumed'?: unknown; $ref?: string };

/**
 * An element's markers: its own, or, for a `$ref` without markers of its own, those of the
 * component it references. Never a mix: an element eduvkit marked assumed must not inherit the
 * N of the component it points to.
 */
function entry(doc: JsonObject, element: string, node: Marked): ProvenanceEntry {
  const ownMarked = node['x-eduv-src'] !== undefined || node['x-eduvkit-assumed'] !== undefined;
  const marked = ownMarked || !node.$ref ? node : deref(doc, node);
  const source = marked['x-eduv-src'];
  const assumed = marked['x-eduvkit-assumed'];
  return {
    element,
    ...(typeof source === 'string' ? { source } : {}),
    ...(typeof assumed === 'string' ? { assumed } : {}),
  };
}

function schemaEntries(doc: JsonObject, name: string, schema: SchemaNode, into: ProvenanceEntry[]): void {
  into.push(entry(doc, `schema ${name}`, schema));
  for (const [property, child] of Object.entries(schema.properties ?? {})) {
    into.push(entry(doc, `schema ${name}.${property}`, child));
  }
}

/** Every element of a bundled document with the marker that says where it comes from. */
export function collectProvenance(doc: JsonObject): ProvenanceEntry[] {
  const entries: ProvenanceEntry[] = [];
  for (const server of (doc.servers ?? []) as Marked[]) entries.push(entry(doc, `server ${(server as JsonObject).url}`, server));
  for (const { method, path, operation } of listOperations(doc)) {
    const label = `${method.toUpperCase()} ${path}`;
    entries.push(entry(doc, label, operation as Marked));
    for (const parameter of operation.parameters ?? []) {
      entries.push(entry(doc, `${label} ${deref(doc, parameter).in} ${deref(doc, parameter).name}`, parameter));
    }
    if (operation.requestBody) entries.push(entry(doc, `${label} request body`, operation.requestBody as Marked));
    for (const [status, response] of Object.entries(operation.responses)) {
      entries.push(entry(doc, `${label} → ${status}`, response));
    }
    const businessCodes = operation['x-eduv-business-codes'];
    for (const code of (Array.isArray(businessCodes) ? businessCodes : []) as (Marked & { status?: unknown; httpStatus?: unknown })[]) {
      entries.push(entry(doc, `${label} business ${String(code.status)} (${String(code.httpStatus)})`, code));
    }
  }
  const components = (doc.components ?? {}) as Record<string, Record<string, JsonObject>>;
  for (const [name, scheme] of Object.entries(components.securitySchemes ?? {})) {
    entries.push(entry(doc, `security ${name}`, scheme));
    const flow = (scheme.flows as Record<string, Marked> | undefined)?.clientCredentials;
    if (flow) entries.push(entry(doc, `security ${name} tokenUrl`, flow));
  }
  for (const [name, header] of Object.entries(components.headers ?? {})) entries.push(entry(doc, `header ${name}`, header));
  for (const [name, schema] of Object.entries(components.schemas ?? {})) schemaEntries(doc, name, schema, entries);
  return entries;
}

export function unmarked(entries: ProvenanceEntry[]): string[] {
  return entries.filter((item) => !item.source && !item.assumed).map((item) => item.element);
}
