import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AnswerBytesCache } from '../src/server/answer-cache';

const KIB = 1024;
const bytes = (size: number) => new Uint8Array(size);
/** A large answer is kept from its second serving on (the bron calls set after each miss). */
const serveTwice = (cache: AnswerBytesCache, result: object, key: string, body: Uint8Array) => {
  cache.set(result, key, body);
  cache.set(result, key, body);
};

describe('AnswerBytesCache', () => {
  it('keeps large answers per object and scope key until their total passes the budget, least recently served first out', () => {
    const cache = new AnswerBytesCache(300 * KIB);
    const [a, b, c] = [{}, {}, {}];
    serveTwice(cache, a, '*', bytes(100 * KIB));
    serveTwice(cache, a, 'x', bytes(64 * KIB));
    serveTwice(cache, b, '*', bytes(100 * KIB));
    expect(cache.size).toBe(264 * KIB);
    expect(cache.get(a, '*')?.byteLength).toBe(100 * KIB); // a is now the most recent
    serveTwice(cache, c, '*', bytes(100 * KIB));
    expect(cache.get(b, '*')).toBeUndefined();
    expect(cache.get(a, 'x')?.byteLength).toBe(64 * KIB);
    expect(cache.get(c, '*')?.byteLength).toBe(100 * KIB);
    expect(cache.size).toBe(264 * KIB);
  });

  it('keeps small answers outside the budget, and never stores an answer larger than the whole budget', () => {
    const cache = new AnswerBytesCache(100 * KIB);
    const small = {};
    cache.set(small, '*', bytes(500));
    serveTwice(cache, {}, '*', bytes(101 * KIB));
    expect(cache.get(small, '*')?.byteLength).toBe(500);
    expect(cache.size).toBe(0);
  });

  it('keeps every scope key of a small answer', () => {
    const cache = new AnswerBytesCache(100 * KIB);
    const list = {};
    cache.set(list, '*', bytes(10));
    cache.set(list, 'a b', bytes(20));
    expect([cache.get(list, '*')?.byteLength, cache.get(list, 'a b')?.byteLength]).toEqual([10, 20]);
  });

  it('stores an answer of exactly the budget, and evicts nothing while the total equals it', () => {
    const cache = new AnswerBytesCache(128 * KIB);
    const [a, b] = [{}, {}];
    serveTwice(cache, a, '*', bytes(64 * KIB));
    serveTwice(cache, b, '*', bytes(64 * KIB));
    expect(cache.size).toBe(128 * KIB);
    expect(cache.get(a, '*')).toBeDefined();
    const whole = {};
    serveTwice(cache, whole, '*', bytes(128 * KIB));
    expect(cache.get(whole, '*')?.byteLength).toBe(128 * KIB);
    expect(cache.size).toBe(128 * KIB);
  });

  it('counts a replaced answer once', () => {
    const cache = new AnswerBytesCache(1024 * KIB);
    const list = {};
    serveTwice(cache, list, '*', bytes(100 * KIB));
    serveTwice(cache, list, '*', bytes(70 * KIB));
    expect(cache.size).toBe(70 * KIB);
  });

  it('never evicts the object it is storing for, even when that object is the least recently served', () => {
    const cache = new AnswerBytesCache(200 * KIB);
    const [a, b] = [{}, {}];
    serveTwice(cache, a, '*', bytes(70 * KIB));
    serveTwice(cache, b, '*', bytes(70 * KIB));
    serveTwice(cache, a, 'x', bytes(70 * KIB));
    expect(cache.get(a, '*')?.byteLength).toBe(70 * KIB);
    expect(cache.get(a, 'x')?.byteLength).toBe(70 * KIB);
    expect(cache.get(b, '*')).toBeUndefined();
    expect(cache.size).toBe(140 * KIB);
  });

  it('a miss on an object it never held leaves the budget intact', () => {
    const cache = new AnswerBytesCache(100 * KIB);
    const [a, b] = [{}, {}];
    expect(cache.get(a, '*')).toBeUndefined();
    serveTwice(cache, b, '*', bytes(64 * KIB));
    serveTwice(cache, {}, '*', bytes(64 * KIB));
    expect(cache.size).toBe(64 * KIB);
  });

  it('keeps a large answer only from its second serving, per scope key', () => {
    const cache = new AnswerBytesCache(1024 * KIB);
    const list = {};
    cache.set(list, '*', bytes(100 * KIB));
    expect(cache.get(list, '*')).toBeUndefined();
    expect(cache.size).toBe(0);
    cache.set(list, 'a', bytes(100 * KIB));
    cache.set(list, '*', bytes(100 * KIB));
    expect(cache.get(list, '*')?.byteLength).toBe(100 * KIB);
    expect(cache.get(list, 'a')).toBeUndefined();
    expect(cache.size).toBe(100 * KIB);
  });
  it('lets a large answer go with its object: a list the source replaced leaves neither bytes nor budget behind', () => {
    const script = `
      import { AnswerBytesCache } from ${JSON.stringify(fileURLToPath(new URL('../src/server/answer-cache.ts', import.meta.url)))};
      const MIB = 1024 * 1024;
      const cache = new AnswerBytesCache(64 * MIB);
      const serveTwice = (result) => {
        for (let serving = 0; serving < 2; serving++) cache.set(result, '*', new Uint8Array(8 * MIB));
      };
      const kept = {};
      serveTwice(kept);
      // Served from a function, so no frame of this (suspended) module keeps the replaced list alive.
      (() => serveTwice({}))();
      const before = { size: cache.size, arrayBuffers: process.memoryUsage().arrayBuffers };
      for (let round = 0; round < 50 && cache.size > 8 * MIB; round++) {
        globalThis.gc();
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      const after = { size: cache.size, arrayBuffers: process.memoryUsage().arrayBuffers, kept: cache.get(kept, '*')?.byteLength };
      console.log(JSON.stringify({ before, after }));
    `;
    const output = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      encoding: 'utf8',
    });
    const { before, after } = JSON.parse(output) as Record<'before' | 'after', { size: number; arrayBuffers: number; kept?: number }>;
    const MIB = 1024 * 1024;
    expect(before.size).toBe(16 * MIB);
    expect(after.size).toBe(8 * MIB);
    expect(after.kept).toBe(8 * MIB);
    expect(before.arrayBuffers - after.arrayBuffers).toBeGreaterThanOrEqual(7 * MIB);
  });
});
