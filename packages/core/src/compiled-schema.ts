import { z } from 'zod';

const compiled = new WeakMap<z.ZodType, z.ZodType>();

/**
 * The schema with zod's compiled fast path (`z.compile`): the same answers and the same issues,
 * several times faster on valid input (bench/RESULTS.md §2). Compiled on first use and kept per
 * schema. `z.compile` never throws: a schema it cannot compile, or a runtime that forbids code
 * generation, keeps zod's regular parser.
 */
export function compiledSchema<T extends z.ZodType>(schema: T): T {
  let fast = compiled.get(schema) as T | undefined;
  if (fast === undefined) compiled.set(schema, (fast = z.compile(schema)));
  return fast;
}
