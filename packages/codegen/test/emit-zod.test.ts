import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { emitZodModule, orderComponentSchemas, toZod } from '../src/emit-zod';

const evaluate = (expression: string): z.ZodType => new Function('z', `return ${expression};`)(z) as z.ZodType;

describe('toZod', () => {
  it('translates formats, bounds and enums into validators that behave like the spec', () => {
    const schema = evaluate(
      toZod(
        {
          type: 'object',
          required: ['day'],
          properties: {
            day: { type: 'string', format: 'date' },
            count: { type: 'integer', minimum: 1 },
            kind: { type: 'string', enum: ['a', 'b'] },
            tags: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^[a-z]+$' } },
          },
        },
        'Example',
      ),
    );
    expect(schema.safeParse({ day: '2025-08-31', count: 2, kind: 'a', tags: ['x'] }).success).toBe(true);
    expect(schema.safeParse({ day: '31-08-2025' }).success).toBe(false);
    expect(schema.safeParse({ day: '2025-08-31', count: 0 }).success).toBe(false);
    expect(schema.safeParse({ day: '2025-08-31', kind: 'c' }).success).toBe(false);
    expect(schema.safeParse({ day: '2025-08-31', tags: [] }).success).toBe(false);
    expect(schema.safeParse({ day: '2025-08-31', tags: ['X'] }).success).toBe(false);
  });

  it('enforces x-eduv-required-one-of', () => {
    const schema = evaluate(
      toZod({ type: 'object', 'x-eduv-required-one-of': ['a', 'b'], properties: { a: { type: 'string' }, b: { type: 'string' } } }, 'OneOf'),
    );
    expect(schema.safeParse({ a: 'x' }).success).toBe(true);
    expect(schema.safeParse({ b: 'x' }).success).toBe(true);
    expect(schema.safeParse({ a: '', b: 'x' }).success).toBe(true);
    expect(schema.safeParse({ a: '' }).success).toBe(false);
    const failure = schema.safeParse({});
    expect(failure.success).toBe(false);
    expect(failure.error?.issues[0]?.message).toBe('Either a or b is required');
  });

  it('refuses keywords it cannot translate instead of dropping them', () => {
    expect(() => toZod({ type: 'object', allOf: [] } as never, 'Broken')).toThrow(/allOf/);
  });

  it('orders schemas after their dependencies and rejects recursion', () => {
    expect(orderComponentSchemas({ B: { $ref: '#/components/schemas/A' }, A: { type: 'string' } })).toEqual(['A', 'B']);
    expect(() => orderComponentSchemas({ A: { type: 'array', items: { $ref: '#/components/schemas/A' } } })).toThrow(/recursive/);
  });
});

describe('x-eduv-identifier', () => {
  const doc = (identifier: unknown) => ({
    components: { schemas: { Thing: { type: 'object', properties: { period: { type: 'string', 'x-eduv-identifier': identifier } } } } },
    paths: {},
  });

  it("checks the property with core's validator of that name and imports it", () => {
    const { source } = emitZodModule(doc('schoolPeriodId'), '');
    expect(source).toContain("import { schoolPeriodIdSchema } from '@eduvkit/core';");
    expect(source).toContain('period: schoolPeriodIdSchema.optional()');
  });

  it('refuses an identifier core has no validator for', () => {
    expect(() => emitZodModule(doc('brin'), '')).toThrow(/Thing\.period: x-eduv-identifier must be one of eckId, schoolPeriodId, studyCode, guid/);
  });
});
