import { EduvConfigError, parseRetryAfter } from '@eduvkit/core';
import { toNotification } from '../apis';
import type { StoredNotification } from './log';

/** A consumer's subscription to one API: where its notifications go. */
export interface Subscription {
  clientId: string;
  api: string;
  /** The consumer's base URL; batches go to `${callbackUrl}/notifications`. */
  callbackUrl: string;
}

/** A delivery attempt the subscriber did not acknowledge with a 2xx. */
export class NotificationDeliveryError extends Error {
  override readonly name = 'NotificationDeliveryError';
  constructor(
    readonly url: string,
    readonly httpStatus: number,
    readonly body: string,
    /** The answer's Retry-After header, if any. */
    readonly retryAfter: string | null = null,
  ) {
    super(`POST ${url} answered HTTP ${httpStatus}${body ? `: ${body.slice(0, 200)}` : ''}`);
  }
}

export function positive(name: string, value: number | undefined, fallback: number, integer = false): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new EduvConfigError(`${name} must be a positive ${integer ? 'integer' : 'number'}, got ${value}`);
  }
  return value;
}

export function checkSubscription(subscription: Subscription): Subscription {
  const { clientId, api, callbackUrl } = subscription;
  if (typeof clientId !== 'string' || !clientId) throw new TypeError('a subscription needs a clientId');
  if (typeof api !== 'string' || !api) throw new TypeError('a subscription needs an api');
  let url: URL;
  try {
    url = new URL(callbackUrl);
  } catch {
    throw new TypeError(`callbackUrl must be an absolute http(s) URL, got ${String(callbackUrl)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError(`callbackUrl must use http or https, got ${url.protocol}`);
  return { clientId, api, callbackUrl: callbackUrl.replace(/\/+$/, '') };
}

export interface RetryPolicy {
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly random: () => number;
}

export function retryPolicy(retry: { baseDelayMs?: number; maxDelayMs?: number } | undefined, random: (() => number) | undefined): RetryPolicy {
  const baseDelayMs = positive('retry.baseDelayMs', retry?.baseDelayMs, 1000);
  const maxDelayMs = Math.max(baseDelayMs, positive('retry.maxDelayMs', retry?.maxDelayMs, 60_000));
  return { baseDelayMs, maxDelayMs, random: random ?? Math.random };
}

/** Bounded exponential backoff with jitter (half to all of the ceiling); Retry-After honoured up to the bound. */
export function retryDelay(policy: RetryPolicy, failures: number, retryAfter: string | null | undefined): number {
  const { baseDelayMs, maxDelayMs, random } = policy;
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.min(failures - 1, 30));
  let delay = ceiling / 2 + random() * (ceiling / 2);
  const asked = parseRetryAfter(retryAfter);
  if (asked !== undefined) delay = Math.max(delay, Math.min(asked, maxDelayMs));
  return Math.round(delay);
}

export interface PostOptions {
  fetch: typeof fetch | undefined;
  headers: Record<string, string>;
  signal: AbortSignal;
  timeoutMs: number;
}

/** One POST of a batch to `${callbackUrl}/notifications`; throws NotificationDeliveryError unless answered 2xx. */
export async function postNotifications(subscription: Subscription, batch: readonly StoredNotification[], options: PostOptions): Promise<void> {
  const url = `${subscription.callbackUrl}/notifications`;
  const response = await (options.fetch ?? globalThis.fetch)(url, {
    method: 'POST',
    headers: { ...options.headers, 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(batch.map(toNotification)),
    signal: AbortSignal.any([options.signal, AbortSignal.timeout(options.timeoutMs)]),
  });
  const text = await response.text().catch(() => '');
  if (!response.ok) throw new NotificationDeliveryError(url, response.status, text, response.headers.get('retry-after'));
}
