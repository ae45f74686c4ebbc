import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { itemSchemaOf, responseProblem } from '../src/server/response-problem';

const Thing = z.object({ id: z.string(), name: z.string() });

describe('responseProblem', () => {
  it('checks a list item by item and names the first item that does not match', () => {
    const list = [{ id: 'a', name: 'x' }, { id: 'b' }, { id: 3, name: 'z' }];
    const problem = responseProblem(z.array(Thing), list);
    expect(problem).toMatch(/^item 1: /);
    expect(problem).toContain('name');
    expect(responseProblem(z.array(Thing), [{ id: 'a', name: 'x' }])).toBeUndefined();
    expect(responseProblem(z.array(Thing), [])).toBeUndefined();
  });

  it('checks a list with length rules, and anything that is not a list, as a whole', () => {
    expect(itemSchemaOf(z.array(Thing))).toBe(Thing);
    expect(itemSchemaOf(z.array(Thing).min(1))).toBeUndefined();
    expect(itemSchemaOf(Thing)).toBeUndefined();
    expect(responseProblem(z.array(Thing).min(1), [])).toContain('>=1');
    expect(responseProblem(Thing, { id: 'a' })).toContain('name');
    expect(responseProblem(Thing, { id: 'a', name: 'b' })).toBeUndefined();
    expect(responseProblem(z.array(Thing), { id: 'a', name: 'b' })).toContain('array');
  });
});
