import { compiledSchema } from '../compiled-schema';
import type { z } from 'zod';

/** A list schema whose items can be checked one by one: a plain `z.array(item)` without length checks. */
export function itemSchemaOf(schema: z.ZodType): z.ZodType | undefined {
  const def = (schema as unknown as { _zod: { def: { type: string; element?: z.ZodType; checks?: readonly unknown[] } } })._zod.def;
  return def.type === 'array' && def.element && !def.checks?.length ? def.element : undefined;
}

/**
 * Checks a body against its response schema; the first problem as a message, or undefined. A
 * list is checked item by item, so zod's copy of each item is garbage at once instead of a whole
 * list's copy outliving a young-generation collection.
 */
export function responseProblem(schema: z.ZodType, body: unknown): string | undefined {
  const item = Array.isArray(body) ? itemSchemaOf(schema) : undefined;
  if (!item) {
    const checked = compiledSchema(schema).safeParse(body);
    return checked.success ? undefined : checked.error.message;
  }
  const list = body as readonly unknown[];
  const compiledItem = compiledSchema(item);
  for (let index = 0; index < list.length; index++) {
    const checked = compiledItem.safeParse(list[index]);
    if (!checked.success) return `item ${index}: ${checked.error.message}`;
  }
  return undefined;
}
