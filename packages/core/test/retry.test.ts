import { describe, expect, it } from 'vitest';
import { EduvConfigError } from '../src/errors';
import { DEFAULT_RETRY_OPTIONS, backoffDelay, decideRetry, parseRetryAfter, resolveRetryOptions, sleep } from '../src/retry';

describe('resolveRetryOptions', () => {
  it('uses the documented defaults', () => {
    const options = resolveRetryOptions();
    expect(options.retries).toBe(3);
    expect(options.baseDelayMs).toBe(250);
    expect(options.maxDelayMs).toBe(8000);
    expect(options.retryOnStatus).toEqual([408, 429, 502, 503, 504]);
    expect(options.maxRetryAfterMs).toBe(60_000);
  });

  it('false disables retries; undefined fields keep their default', () => {
    expect(resolveRetryOptions(false).retries).toBe(0);
    expect(resolveRetryOptions({ retries: undefined, baseDelayMs: 10 })).toMatchObject({ retries: 3, baseDelayMs: 10 });
  });

  it('rejects nonsense', () => {
    expect(() => resolveRetryOptions({ retries: -1 })).toThrow(EduvConfigError);
    expect(() => resolveRetryOptions({ retries: 1.5 })).toThrow(EduvConfigError);
    expect(() => resolveRetryOptions({ maxDelayMs: Number.NaN })).toThrow(EduvConfigError);
  });
});

describe('backoffDelay', () => {
  const options = { ...DEFAULT_RETRY_OPTIONS, random: () => 0.999999 };

  it('grows exponentially up to maxDelayMs', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((attempt) => backoffDelay(attempt, options))).toEqual([249, 499, 999, 1999, 3999, 7999, 7999]);
  });

  it('applies full jitter', () => {
    expect(backoffDelay(3, { ...options, random: () => 0 })).toBe(0);
    expect(backoffDelay(3, { ...options, random: () => 0.5 })).toBe(1000);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-01-01T12:00:00Z');

  it('reads delta-seconds', () => {
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });

  it('reads an HTTP-date relative to now, never negative', () => {
    expect(parseRetryAfter('Wed, 01 Jan 2025 12:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Wed, 01 Jan 2025 11:00:00 GMT', now)).toBe(0);
  });

  it.each([[null], [undefined], [''], ['soon'], ['-5'], ['1.5']])('ignores %j', (value) => {
    expect(parseRetryAfter(value, now)).toBeUndefined();
  });
});

describe('decideRetry', () => {
  const options = { ...DEFAULT_RETRY_OPTIONS, random: () => 0.5, now: () => Date.parse('2025-01-01T12:00:00Z') };

  it('retries listed statuses with backoff until retries are used up', () => {
    expect(decideRetry(0, options, { httpStatus: 503 })).toEqual({ retry: true, delayMs: 125 });
    expect(decideRetry(2, options, { httpStatus: 503 })).toEqual({ retry: true, delayMs: 500 });
    expect(decideRetry(3, options, { httpStatus: 503 })).toEqual({ retry: false });
  });

  it('does not retry other statuses', () => {
    expect(decideRetry(0, options, { httpStatus: 500 })).toEqual({ retry: false });
    expect(decideRetry(0, options, { httpStatus: 400 })).toEqual({ retry: false });
  });

  it('retries failures without an HTTP status (network, timeout)', () => {
    expect(decideRetry(0, options, {})).toEqual({ retry: true, delayMs: 125 });
  });

  it('waits what Retry-After asks, beyond maxDelayMs too', () => {
    expect(decideRetry(0, options, { httpStatus: 429, retryAfter: '3' })).toEqual({ retry: true, delayMs: 3000 });
    expect(decideRetry(0, options, { httpStatus: 503, retryAfter: '20' })).toEqual({ retry: true, delayMs: 20_000 });
    expect(decideRetry(0, options, { httpStatus: 503, retryAfter: 'Wed, 01 Jan 2025 12:00:02 GMT' })).toEqual({
      retry: true,
      delayMs: 2000,
    });
  });

  it('gives up when Retry-After exceeds maxRetryAfterMs', () => {
    expect(decideRetry(0, options, { httpStatus: 503, retryAfter: '61' })).toEqual({ retry: false });
    expect(decideRetry(0, { ...options, maxRetryAfterMs: 1000 }, { httpStatus: 503, retryAfter: '2' })).toEqual({
      retry: false,
    });
  });
});

describe('sleep', () => {
  it('resolves after the delay', async () => {
    const start = Date.now();
    await sleep(20);
    expect(Date.now() - start).toBeGreaterThanOrEqual(15);
  });

  it('rejects with the abort reason', async () => {
    const controller = new AbortController();
    const waiting = sleep(10_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    await expect(sleep(10, AbortSignal.abort(new Error('already')))).rejects.toThrow('already');
  });
});
