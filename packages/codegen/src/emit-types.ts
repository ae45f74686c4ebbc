import openapiTS, { astToString } from 'openapi-typescript';
import type { JsonObject } from './bundle';
import type { ZodModule } from './emit-zod';

/** openapi-typescript's rendering of the bundled document: `paths`, `components`, `operations`. */
export async function emitOpenApiTypes(doc: JsonObject, header: string): Promise<string> {
  const ast = await openapiTS(structuredClone(doc) as never, { silent: true });
  return `${header}${astToString(ast)}`;
}

/** Friendly type aliases for every component schema, taken from the openapi-typescript output. */
export function emitModels(zod: ZodModule, header: string): string {
  const lines = zod.components.map((name) => `export type ${name} = components['schemas'][${JSON.stringify(name)}];`);
  return `${header}import type { components } from './openapi-types';\n\n${lines.join('\n')}\n`;
}

/**
 * Compile-time proof that each zod schema infers exactly the openapi-typescript type. A mismatch
 * makes `tsc` fail on the offending line.
 */
export function emitTypeTests(zod: ZodModule, header: string): string {
  const checks: string[] = [];
  for (const name of zod.components) {
    checks.push(`export type ${name}Matches = Expect<Equal<z.output<typeof s.${name}Schema>, components['schemas'][${JSON.stringify(name)}]>>;`);
  }
  for (const [id, names] of Object.entries(zod.operations)) {
    const op = `operations[${JSON.stringify(id)}]`;
    if (names.query) {
      checks.push(`export type ${id}QueryMatches = Expect<Equal<z.output<typeof s.${names.query}>, NonNullable<${op}['parameters']['query']>>>;`);
    }
    if (names.path) {
      checks.push(`export type ${id}PathMatches = Expect<Equal<z.output<typeof s.${names.path}>, NonNullable<${op}['parameters']['path']>>>;`);
    }
    if (names.body) {
      checks.push(
        `export type ${id}BodyMatches = Expect<Equal<z.output<typeof s.${names.body}>, NonNullable<${op}['requestBody']>['content']['application/json']>>;`,
      );
    }
    for (const [status, schema] of Object.entries(names.responses)) {
      if (!schema) continue;
      checks.push(
        `export type ${id}Response${status}Matches = Expect<Equal<z.output<typeof s.${schema}>, ${op}['responses'][${status}]['content']['application/json']>>;`,
      );
    }
  }
  return `${header}import type { z } from 'zod';
import type { components, operations } from './openapi-types';
import type * as s from './schemas';

type Simplify<T> = T extends readonly (infer Item)[]
  ? Simplify<Item>[]
  : T extends object
    ? { [Key in keyof T]: Simplify<T[Key]> }
    : T;
type Equal<A, B> =
  (<G>() => G extends Simplify<A> ? 1 : 2) extends <G>() => G extends Simplify<B> ? 1 : 2 ? true : false;
type Expect<T extends true> = T;

${checks.join('\n')}
`;
}
