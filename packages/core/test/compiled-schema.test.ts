import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compiledSchema } from '../src/compiled-schema';

const Student = z.object({
  id: z.string(),
  born: z.iso.date(),
  changed: z.iso.datetime(),
  gender: z.enum(['male', 'female', 'other']),
  nick: z.string().optional(),
});

const valid = { id: 's1', born: '2012-02-29', changed: '2025-09-01T00:00:00Z', gender: 'other', extra: 'stripped' };
const invalid = [{ ...valid, born: '2013-02-29' }, { ...valid, gender: 'unknown' }, { ...valid, id: 1 }, { ...valid, changed: undefined }, 'not an object'];

describe('compiledSchema', () => {
  it('is compiled once per schema and kept', () => {
    const compiled = compiledSchema(Student);
    expect(compiledSchema(Student)).toBe(compiled);
  });

  it('gives the answers and issues of the schema itself, for valid and invalid input', () => {
    const compiled = compiledSchema(Student);
    expect(compiled.safeParse(valid)).toEqual(Student.safeParse(valid));
    expect(compiled.safeParse(valid).data).toEqual({ id: 's1', born: '2012-02-29', changed: '2025-09-01T00:00:00Z', gender: 'other' });
    for (const input of invalid) {
      const fast = compiled.safeParse(input);
      expect(fast.success).toBe(false);
      expect(fast.error!.issues).toEqual(Student.safeParse(input).error!.issues);
    }
  });

  it('keeps refinements', () => {
    const OneOf = z.object({ a: z.string().optional(), b: z.string().optional() }).refine((value) => value.a !== undefined || value.b !== undefined, 'a or b');
    expect(compiledSchema(OneOf).safeParse({}).success).toBe(false);
    expect(compiledSchema(OneOf).safeParse({ b: 'x' }).success).toBe(true);
  });

  it('falls back to the schema itself where code generation is not allowed', () => {
    const script = `
      import { z } from 'zod';
      import { compiledSchema } from ${JSON.stringify(fileURLToPath(new URL('../src/compiled-schema.ts', import.meta.url)))};
      const schema = z.object({ id: z.string() });
      const compiled = compiledSchema(schema);
      console.log(JSON.stringify([compiled.safeParse({ id: 'x' }).success, compiled.safeParse({ id: 1 }).success]));
    `;
    const output = execFileSync(process.execPath, ['--disallow-code-generation-from-strings', '--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      encoding: 'utf8',
    });
    expect(JSON.parse(output)).toEqual([true, false]);
  });
});
