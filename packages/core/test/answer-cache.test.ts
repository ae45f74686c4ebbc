import { describe, expect, it } from 'vitest';
import { AnswerBytesCache } from '../src/server/answer-cache';

const bytes = (size: number) => new Uint8Array(size);

describe('AnswerBytesCache', () => {
  it('keeps answers per object and scope key until their total passes the budget, least recently served first out', () => {
    const cache = new AnswerBytesCache(100);
    const [a, b, c] = [{}, {}, {}];
    cache.set(a, '*', bytes(40));
    cache.set(a, 'x', bytes(10));
    cache.set(b, '*', bytes(40));
    expect(cache.size).toBe(90);
    expect(cache.get(a, '*')?.byteLength).toBe(40); // a is now the most recent
    cache.set(c, '*', bytes(30));
    expect(cache.get(b, '*')).toBeUndefined();
    expect(cache.get(a, 'x')?.byteLength).toBe(10);
    expect(cache.get(c, '*')?.byteLength).toBe(30);
    expect(cache.size).toBe(80);
  });

  it('never stores an answer larger than the whole budget', () => {
    const cache = new AnswerBytesCache(10);
    cache.set({}, '*', bytes(11));
    expect(cache.size).toBe(0);
  });
});
