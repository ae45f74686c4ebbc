import { EduvConfigError } from '../errors';
import { backoffDelay, DEFAULT_RETRY_OPTIONS, parseRetryAfter } from '../retry';

/** How the exchange machinery retries deliveries and processing (decision 011). */
export interface ExchangeRetryOptions {
  /** First retry delay before jitter; default 1 000 ms. */
  readonly baseDelayMs?: number;
  /** Upper bound of a retry delay (backoff before jitter, and a Retry-After); default 300 000 ms. */
  readonly maxDelayMs?: number;
  /**
   * A delivery the other side refused with a 4xx other than 408/429 is given up (state `failed`)
   * once it was tried this often in all; default 5. Network errors, timeouts, 5xx, 408 and 429 never
   * make a delivery give up.
   */
  readonly refusedAttempts?: number;
  /** For tests: returns [0, 1). */
  readonly random?: () => number;
}

export interface RetryPolicy {
  /** Delay before the next try after `attempts` failed tries (full jitter, bounded). */
  backoff(attempts: number): number;
  /** What to do after a failed delivery attempt; `attempts` includes this one. */
  afterFailure(
    attempts: number,
    failure: { httpStatus?: number; retryAfter?: string | null },
    now: number,
  ): { giveUp: true } | { giveUp: false; delayMs: number };
}

const TRANSIENT = new Set([408, 429]);

function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) throw new EduvConfigError(`retry.${name} must be a positive number, got ${value}`);
  return value;
}

export function retryPolicy(options: ExchangeRetryOptions = {}): RetryPolicy {
  const baseDelayMs = positive('baseDelayMs', options.baseDelayMs, 1_000);
  const maxDelayMs = Math.max(baseDelayMs, positive('maxDelayMs', options.maxDelayMs, 300_000));
  const refusedAttempts = positive('refusedAttempts', options.refusedAttempts, 5);
  const backoffOptions = { ...DEFAULT_RETRY_OPTIONS, baseDelayMs, maxDelayMs, random: options.random ?? Math.random };
  // 2^attempt overflows to Infinity long before attempts get large; cap the exponent instead.
  const backoff = (attempts: number): number => backoffDelay(Math.min(Math.max(attempts - 1, 0), 40), backoffOptions);
  return {
    backoff,
    afterFailure(attempts, failure, now) {
      const status = failure.httpStatus;
      const refused = status !== undefined && status >= 400 && status < 500 && !TRANSIENT.has(status);
      if (refused && attempts >= refusedAttempts) return { giveUp: true };
      const retryAfter = parseRetryAfter(failure.retryAfter, now);
      return { giveUp: false, delayMs: retryAfter === undefined ? backoff(attempts) : Math.min(retryAfter, maxDelayMs) };
    },
  };
}
