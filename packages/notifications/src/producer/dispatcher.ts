import { reportError, type ErrorHook } from '@eduvkit/core';
import { checkSubscription, positive, postNotifications, retryDelay, retryPolicy, NotificationDeliveryError, type Subscription } from './delivery-attempt';
import type { NotificationLog, StoredNotification } from './log';

export { NotificationDeliveryError, type Subscription } from './delivery-attempt';

export interface NotificationDispatcherStats {
  /** Notifications acknowledged (2xx) by subscribers, counted per subscriber. */
  delivered: number;
  /** Delivery attempts that failed (non-2xx, network error, timeout). */
  failedAttempts: number;
  /** Notifications that are due to a subscriber but not yet acknowledged. */
  pending: number;
}

export interface NotificationDispatcher {
  /**
   * Idempotent per (clientId, api); starts from the notifications appended after this moment. A
   * repeated subscription keeps its place and takes over a changed callbackUrl.
   */
  subscribe(subscription: Subscription): void;
  unsubscribe(clientId: string, api: string): void;
  subscriptions(): Subscription[];
  /** Wakes up delivery (call after append); returns when the current round is queued, not delivered. */
  notify(): void;
  /**
   * Resolves when every subscriber has received everything deliverable so far (or on close). A
   * subscriber that keeps failing keeps it waiting: unsubscribe it or close the dispatcher.
   */
  idle(): Promise<void>;
  stats(): NotificationDispatcherStats;
  /** Stops delivering: aborts requests in flight and cancels retries. */
  close(): Promise<void>;
}

export interface NotificationDispatcherRetryOptions {
  /** First retry delay (before jitter); default 1000. */
  baseDelayMs?: number;
  /** Upper bound of the delay; default 60 000. A Retry-After answer is honoured up to this bound. */
  maxDelayMs?: number;
}

export interface NotificationDispatcherOptions {
  log: NotificationLog;
  /** Consent filter: a notification not allowed for a subscription is skipped for it (never sent). */
  isAllowed: (subscription: Subscription, notification: StoredNotification) => boolean;
  /** Default: the global fetch, looked up at send time. */
  fetch?: typeof fetch;
  /** Extra request headers per subscriber, e.g. an Authorization header. */
  headers?: (subscription: Subscription) => Record<string, string> | Promise<Record<string, string>>;
  /** Notifications per POST /notifications; default 100. */
  batchSize?: number;
  /** Bounded exponential backoff with jitter; retries go on for as long as the dispatcher is open. */
  retry?: NotificationDispatcherRetryOptions;
  /** Per-attempt timeout; default 10 000. */
  timeoutMs?: number;
  /** Called with every failed attempt (and errors thrown by `isAllowed` or `headers`). */
  onError?: ErrorHook<Subscription>;
  /** For tests: returns [0, 1). */
  random?: () => number;
}

interface SubscriptionState {
  subscription: Subscription;
  /** Sequence number of the last log entry this subscriber is done with (acknowledged or skipped). */
  cursor: number;
  inFlight: Promise<void> | undefined;
  controller: AbortController | undefined;
  timer: ReturnType<typeof setTimeout> | undefined;
  /** Failed attempts in a row, for the backoff. */
  failures: number;
  removed: boolean;
}

const keyOf = (clientId: string, api: string): string => `${clientId}\u0000${api}`;

/**
 * Delivers a producer's notifications to its subscribers: per subscription strictly in log
 * (= created) order, one batch in flight at a time, at least once — the subscription's cursor
 * moves only after a 2xx, a failed batch is sent again after a backoff, for as long as the
 * dispatcher is open. Subscribers do not wait for one another.
 */
export function createNotificationDispatcher(options: NotificationDispatcherOptions): NotificationDispatcher {
  const { log } = options;
  const batchSize = positive('batchSize', options.batchSize, 100, true);
  const policy = retryPolicy(options.retry, options.random);
  const timeoutMs = positive('timeoutMs', options.timeoutMs, 10_000);
  const states = new Map<string, SubscriptionState>();
  const counters = { delivered: 0, failedAttempts: 0 };
  let idleWaiters: (() => void)[] = [];
  let closed = false;

  const report = (error: unknown, state: SubscriptionState): void => reportError(options.onError, error, { ...state.subscription });

  const due = (state: SubscriptionState, entry: StoredNotification): boolean =>
    entry.api === state.subscription.api && options.isAllowed(state.subscription, entry);

  /** The next batch and the cursor it moves to once acknowledged (or, when empty, right away). */
  const nextBatch = (state: SubscriptionState): { batch: StoredNotification[]; end: number } => {
    const batch: StoredNotification[] = [];
    let end = state.cursor;
    for (const entry of log.after(state.cursor)) {
      if (due(state, entry)) {
        batch.push(entry);
        if (batch.length === batchSize) return { batch, end: entry.sequence };
      }
      end = entry.sequence;
    }
    return { batch, end };
  };

  const pendingCount = (state: SubscriptionState): number => {
    try {
      return log.after(state.cursor).filter((entry) => due(state, entry)).length;
    } catch {
      return 0;
    }
  };

  const isIdle = (): boolean => [...states.values()].every((state) => !state.inFlight && !state.timer && pendingCount(state) === 0);

  const checkIdle = (): void => {
    if (!idleWaiters.length || !(closed || isIdle())) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  };

  const scheduleRetry = (state: SubscriptionState, retryAfter?: string | null): void => {
    state.failures += 1;
    state.timer = setTimeout(
      () => {
        state.timer = undefined;
        pump(state);
      },
      retryDelay(policy, state.failures, retryAfter),
    );
    state.timer.unref?.();
  };

  const deliver = async (state: SubscriptionState, batch: StoredNotification[], end: number): Promise<void> => {
    const { subscription } = state;
    const controller = new AbortController();
    state.controller = controller;
    try {
      const headers = (await options.headers?.({ ...subscription })) ?? {};
      await postNotifications(subscription, batch, { fetch: options.fetch, headers, signal: controller.signal, timeoutMs });
      if (state.removed || closed) return;
      state.cursor = Math.max(state.cursor, end);
      state.failures = 0;
      counters.delivered += batch.length;
    } catch (error) {
      if (state.removed || closed) return;
      counters.failedAttempts += 1;
      report(error, state);
      scheduleRetry(state, error instanceof NotificationDeliveryError ? error.retryAfter : null);
    } finally {
      state.controller = undefined;
    }
  };

  function pump(state: SubscriptionState): void {
    if (closed || state.removed || state.inFlight || state.timer) return;
    let next: { batch: StoredNotification[]; end: number };
    try {
      next = nextBatch(state);
    } catch (error) {
      // isAllowed threw: try again later rather than skip or lose anything
      counters.failedAttempts += 1;
      report(error, state);
      scheduleRetry(state);
      return;
    }
    if (!next.batch.length) {
      state.cursor = Math.max(state.cursor, next.end);
      checkIdle();
      return;
    }
    const flight = deliver(state, next.batch, next.end);
    state.inFlight = flight;
    void flight.finally(() => {
      state.inFlight = undefined;
      if (!state.timer) pump(state);
      checkIdle();
    });
  }

  const lastSequence = (): number => log.after(0).at(-1)?.sequence ?? 0;

  return {
    subscribe(input) {
      if (closed) throw new Error('the notification dispatcher is closed');
      const subscription = checkSubscription(input);
      const key = keyOf(subscription.clientId, subscription.api);
      const existing = states.get(key);
      if (existing) {
        existing.subscription = subscription;
        return;
      }
      states.set(key, {
        subscription,
        cursor: lastSequence(),
        inFlight: undefined,
        controller: undefined,
        timer: undefined,
        failures: 0,
        removed: false,
      });
    },
    unsubscribe(clientId, api) {
      const key = keyOf(clientId, api);
      const state = states.get(key);
      if (!state) return;
      states.delete(key);
      state.removed = true;
      if (state.timer) clearTimeout(state.timer);
      state.timer = undefined;
      state.controller?.abort();
      checkIdle();
    },
    subscriptions() {
      return [...states.values()].map((state) => ({ ...state.subscription }));
    },
    notify() {
      if (closed) return;
      for (const state of states.values()) pump(state);
    },
    idle() {
      return new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        if (!closed) for (const state of states.values()) pump(state);
        checkIdle();
      });
    },
    stats() {
      let pending = 0;
      for (const state of states.values()) pending += pendingCount(state);
      return { ...counters, pending };
    },
    async close() {
      if (closed) return;
      closed = true;
      const flights: Promise<void>[] = [];
      for (const state of states.values()) {
        if (state.timer) clearTimeout(state.timer);
        state.timer = undefined;
        state.controller?.abort();
        if (state.inFlight) flights.push(state.inFlight);
      }
      await Promise.allSettled(flights);
      checkIdle();
    },
  };
}
