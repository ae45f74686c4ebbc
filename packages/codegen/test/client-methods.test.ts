import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clientMethod } from '../src/emit-client';
import { bundleSpec, type JsonObject } from '../src/bundle';
import { discoverSpecs } from '../src/generate';
import { listOperations, pascal } from '../src/spec-model';

const root = join(import.meta.dirname, '..', '..', '..');
const specs = discoverSpecs(root);

describe('x-eduvkit-method', () => {
  it.each(specs.map((spec) => [spec.name, spec] as const))('names exactly the methods of the %s client', async (name, spec) => {
    const named = listOperations(bundleSpec(spec.specFile))
      .map(({ operation }) => clientMethod(operation as unknown as JsonObject))
      .filter((method) => method !== undefined);
    const api = (await import(join(spec.packageDir, 'src', 'index.ts'))) as Record<string, unknown>;
    const create = api[`create${pascal(name)}Client`] as (options: { baseUrl: string }) => object;
    const client = create({ baseUrl: 'https://bron.example/v1' });
    expect(Object.keys(client).sort()).toEqual([...named].sort());
  });

  it('refuses a name that is no identifier', () => {
    expect(() => clientMethod({ operationId: 'x', 'x-eduvkit-method': 'list-all' })).toThrow('camelCase');
  });
});
