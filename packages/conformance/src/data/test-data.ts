import { readFile } from 'node:fs/promises';
import { ConformanceConfigError } from '../config-error';

/**
 * Values a supplier gives for the cases, keyed like the testlab's variables:
 * `path.<CASE>.id`, `query.<CASE>.<param>`, and eduvkit's `body.<CASE>` (a whole request body).
 * A file may write the keys flat (`"path.KVTGETGROUPSSCHOOLID.id": "…"`) or nested
 * (`{ "path": { "KVTGETGROUPSSCHOOLID": { "id": "…" } } }`).
 */
export interface TestData {
  pathParam(caseCode: string, name: string): string | undefined;
  queryParam(caseCode: string, name: string): string | undefined;
  body(caseCode: string): unknown;
}

const KINDS = ['path', 'query', 'body'] as const;

function flatten(value: unknown, prefix: string, into: Map<string, unknown>, depth: number): void {
  const isPlainObject = typeof value === 'object' && value !== null && !Array.isArray(value);
  // Below `body.<CASE>` a value is the body itself, not more keys.
  if (!isPlainObject || (prefix.startsWith('body.') && depth >= 1)) {
    into.set(prefix, value);
    return;
  }
  for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}.${key}` : key, into, depth + 1);
}

export function createTestData(source: Readonly<Record<string, unknown>> = {}): TestData {
  const values = new Map<string, unknown>();
  for (const [key, value] of Object.entries(source)) {
    const kind = key.split('.')[0];
    if (!KINDS.includes(kind as (typeof KINDS)[number])) {
      throw new ConformanceConfigError(`test data key "${key}" must start with path., query. or body.`);
    }
    flatten(value, key, values, key.split('.').length - 1);
  }
  const text = (key: string): string | undefined => {
    const value = values.get(key);
    if (value === undefined) return undefined;
    if (typeof value === 'object' && value !== null) throw new ConformanceConfigError(`test data "${key}" must be a string, number or boolean`);
    return String(value);
  };
  return {
    pathParam: (caseCode, name) => text(`path.${caseCode}.${name}`),
    queryParam: (caseCode, name) => text(`query.${caseCode}.${name}`),
    body: (caseCode) => values.get(`body.${caseCode}`),
  };
}

export async function loadTestData(file: string): Promise<TestData> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch (error) {
    throw new ConformanceConfigError(`cannot read --test-data ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConformanceConfigError(`--test-data ${file} must hold a JSON object`);
  }
  return createTestData(parsed as Record<string, unknown>);
}
