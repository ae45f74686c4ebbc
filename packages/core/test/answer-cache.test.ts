import { describe, expect, it } from 'vitest';
import { AnswerBytesCache } from '../src/server/answer-cache';

const KIB = 1024;
const bytes = (size: number) => new Uint8Array(size);

describe('AnswerBytesCache', () => {
  it('keeps large answers per object and scope key until their total passes the budget, least recently served first out', () => {
    const cache = new AnswerBytesCache(300 * KIB);
    const [a, b, c] = [{}, {}, {}];
    cache.set(a, '*', bytes(100 * KIB));
    cache.set(a, 'x', bytes(64 * KIB));
    cache.set(b, '*', bytes(100 * KIB));
    expect(cache.size).toBe(264 * KIB);
    expect(cache.get(a, '*')?.byteLength).toBe(100 * KIB); // a is now the most recent
    cache.set(c, '*', bytes(100 * KIB));
    expect(cache.get(b, '*')).toBeUndefined();
    expect(cache.get(a, 'x')?.byteLength).toBe(64 * KIB);
    expect(cache.get(c, '*')?.byteLength).toBe(100 * KIB);
    expect(cache.size).toBe(264 * KIB);
  });

  it('keeps small answers outside the budget, and never stores an answer larger than the whole budget', () => {
    const cache = new AnswerBytesCache(100 * KIB);
    const small = {};
    cache.set(small, '*', bytes(500));
    cache.set({}, '*', bytes(101 * KIB));
    expect(cache.get(small, '*')?.byteLength).toBe(500);
    expect(cache.size).toBe(0);
  });
});
