import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { jsonSchemaOf, sampleValue, wrongTypeValue } from '../src/data/sample';

describe('sample values from a schema', () => {
  const schema = z.object({
    id: z.uuid(),
    day: z.iso.date(),
    kind: z.enum(['study', 'subject']),
    count: z.int().min(3),
    tags: z.array(z.string()).min(1),
    note: z.string().optional(),
    school: z.object({ organisationMasterIdentifier: z.string().optional() }),
  });

  it('fills required properties only, each valid, and lets a hint fill a named one', () => {
    const value = sampleValue(jsonSchemaOf(schema), (name) => (name === 'school' ? { organisationMasterIdentifier: '158V148' } : undefined));
    expect(schema.safeParse(value).success).toBe(true);
    expect(value).not.toHaveProperty('note');
    expect(value).toMatchObject({ kind: 'study', count: 3, school: { organisationMasterIdentifier: '158V148' } });
  });

  it('gives a value of the wrong type for each kind of constraint', () => {
    const node = jsonSchemaOf(schema);
    for (const name of ['id', 'day', 'kind', 'count', 'tags', 'school'] as const) {
      const property = node.properties![name]!;
      const broken = wrongTypeValue(property);
      expect(schema.shape[name].safeParse(broken).success, name).toBe(false);
    }
  });
});
