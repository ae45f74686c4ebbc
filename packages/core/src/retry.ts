import { EduvConfigError } from './errors';

export type SleepFunction = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface RetryOptions {
  /** Retries after the first attempt; 0 disables retrying. */
  readonly retries: number;
  readonly baseDelayMs: number;
  /** Upper bound of the exponential backoff (before jitter). */
  readonly maxDelayMs: number;
  readonly retryOnStatus: readonly number[];
  /** A `Retry-After` longer than this makes the client give up instead of waiting. */
  readonly maxRetryAfterMs: number;
  /** Injectable for tests. */
  readonly sleep: SleepFunction;
  /** Injectable for tests; returns [0, 1). */
  readonly random: () => number;
  /** Injectable for tests; used to evaluate an HTTP-date `Retry-After`. */
  readonly now: () => number;
}

/** Waits `ms`; rejects with the signal's reason as soon as the signal aborts. */
export const sleep: SleepFunction = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

export const DEFAULT_RETRY_OPTIONS: RetryOptions = {
  retries: 3,
  baseDelayMs: 250,
  maxDelayMs: 8000,
  retryOnStatus: [408, 429, 502, 503, 504],
  maxRetryAfterMs: 60_000,
  sleep,
  random: Math.random,
  now: Date.now,
};

function requireNonNegative(name: string, value: number, integer = false): void {
  if (!Number.isFinite(value) || value < 0 || (integer && !Number.isInteger(value))) {
    throw new EduvConfigError(`retry.${name} must be a non-negative ${integer ? 'integer' : 'number'}, got ${value}`);
  }
}

/** Fills in defaults; `false` means never retry. */
export function resolveRetryOptions(options?: Partial<RetryOptions> | false): RetryOptions {
  if (options === false) {
    return { ...DEFAULT_RETRY_OPTIONS, retries: 0 };
  }
  const resolved: RetryOptions = { ...DEFAULT_RETRY_OPTIONS, ...stripUndefined(options ?? {}) };
  requireNonNegative('retries', resolved.retries, true);
  requireNonNegative('baseDelayMs', resolved.baseDelayMs);
  requireNonNegative('maxDelayMs', resolved.maxDelayMs);
  requireNonNegative('maxRetryAfterMs', resolved.maxRetryAfterMs);
  return resolved;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as Partial<T>;
}

/** Exponential backoff with full jitter: random in [0, min(maxDelayMs, baseDelayMs * 2^attempt)). */
export function backoffDelay(attempt: number, options: RetryOptions): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** attempt);
  return Math.floor(options.random() * ceiling);
}

/** `Retry-After` in ms, from delta-seconds or an HTTP-date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  const trimmed = value?.trim();
  if (!trimmed) {
    return undefined;
  }
  if (/^\d+$/.test(trimmed)) {
    return Number.parseInt(trimmed, 10) * 1000;
  }
  // Every HTTP-date form starts with a day name; Date.parse alone would also take "-5" or "1.5".
  const date = /^[A-Za-z]{3}/.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
  if (Number.isNaN(date)) {
    return undefined;
  }
  return Math.max(0, date - now);
}

export type RetryDecision = { readonly retry: true; readonly delayMs: number } | { readonly retry: false };

/**
 * Whether to retry after a failed attempt (0-based `attempt` = retries done so far) and how long
 * to wait. A `Retry-After` the server sends replaces the backoff, unless it exceeds
 * `maxRetryAfterMs`: then waiting is pointless for an interactive client and we give up.
 */
export function decideRetry(
  attempt: number,
  options: RetryOptions,
  failure: { readonly httpStatus?: number; readonly retryAfter?: string | null },
): RetryDecision {
  if (attempt >= options.retries) {
    return { retry: false };
  }
  if (failure.httpStatus !== undefined && !options.retryOnStatus.includes(failure.httpStatus)) {
    return { retry: false };
  }
  const retryAfterMs = parseRetryAfter(failure.retryAfter, options.now());
  if (retryAfterMs === undefined) {
    return { retry: true, delayMs: backoffDelay(attempt, options) };
  }
  if (retryAfterMs > options.maxRetryAfterMs) {
    return { retry: false };
  }
  return { retry: true, delayMs: retryAfterMs };
}
