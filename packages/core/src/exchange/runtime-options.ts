import { systemClock, type Clock } from '../clock';
import { EduvConfigError } from '../errors';
import { retryPolicy, type ExchangeRetryOptions, type RetryPolicy } from './delivery-policy';
import { eventEmitter, type ExchangeEvent, type ExchangeHooks } from './events';

/** Options the ontvanger and the verzender share: how their background loops run. */
export interface ExchangeRuntimeOptions extends ExchangeHooks {
  /** This instance's name in the store's leases; default a random uuid. Unique per running instance. */
  worker?: string;
  /** Retries of deliveries and of processing (decision 011). */
  retry?: ExchangeRetryOptions;
  /** Per-delivery timeout; default 10 000 ms. */
  timeoutMs?: number;
  /** Deliveries in flight at once; default 16. */
  deliveryConcurrency?: number;
  /** How often an idle loop looks in the store for work that became due; default 1 000 ms. */
  pollIntervalMs?: number;
  /** Default the global fetch, looked up at delivery time. */
  fetch?: typeof fetch;
  /** The clock the loops read; default the system clock. */
  now?: Clock;
  /** Start the loops at once (default true); false to call `start()` yourself. */
  autoStart?: boolean;
}

export interface ExchangeRuntime {
  readonly worker: string;
  readonly policy: RetryPolicy;
  readonly timeoutMs: number;
  readonly deliveryConcurrency: number;
  readonly pollIntervalMs: number;
  readonly fetch: typeof fetch | undefined;
  readonly clock: Clock;
  readonly emit: (event: ExchangeEvent) => void;
  readonly autoStart: boolean;
}

export function positiveOption(name: string, value: number | undefined, fallback: number, integer = false): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new EduvConfigError(`${name} must be a positive ${integer ? 'integer' : 'number'}, got ${value}`);
  }
  return value;
}

export function resolveRuntime(options: ExchangeRuntimeOptions): ExchangeRuntime {
  return {
    worker: options.worker ?? crypto.randomUUID(),
    policy: retryPolicy(options.retry),
    timeoutMs: positiveOption('timeoutMs', options.timeoutMs, 10_000),
    deliveryConcurrency: positiveOption('deliveryConcurrency', options.deliveryConcurrency, 16, true),
    pollIntervalMs: positiveOption('pollIntervalMs', options.pollIntervalMs, 1_000),
    fetch: options.fetch,
    clock: options.now ?? systemClock,
    emit: eventEmitter(options),
    autoStart: options.autoStart ?? true,
  };
}
