import { reportError, systemClock, type Clock } from '@eduvkit/core';
import { checkSubscription, NotificationDeliveryError, positive, postNotifications, retryDelay, retryPolicy, type Subscription } from './delivery-attempt';
import type { NotificationDispatcherOptions, NotificationDispatcherStats } from './dispatcher';
import type { StoredNotification } from './log';
import type { NotificationStore, StoredSubscription } from './notification-store';

export interface StoredNotificationDispatcherOptions extends Omit<NotificationDispatcherOptions, 'log'> {
  store: NotificationStore;
  /** This instance's name in subscription leases; default a new UUID. Unique per running instance. */
  worker?: string;
  /**
   * How long a lease on a subscription lasts (renewed with every batch); default 30 000 or three
   * times `timeoutMs`, whichever is larger. After a crash another instance takes over once it ends.
   */
  leaseMs?: number;
  /** How often the store is looked at for notifications and subscriptions from other instances; default 1000. */
  pollIntervalMs?: number;
  now?: Clock;
  /**
   * As for the in-memory dispatcher, plus store failures; a failure to list the subscriptions is
   * reported with a subscription whose fields are all `''`.
   */
  onError?: NotificationDispatcherOptions['onError'];
}

/** The store-backed counterpart of `NotificationDispatcher`: the same contract, async where the store is. */
export interface StoredNotificationDispatcher {
  /** Idempotent per (clientId, api); a new subscription starts after the last notification in the store. */
  subscribe(subscription: Subscription): Promise<void>;
  unsubscribe(clientId: string, api: string): Promise<void>;
  subscriptions(): Promise<Subscription[]>;
  /** Wakes up delivery (call after append). */
  notify(): void;
  /** Resolves when no subscription in the store has anything deliverable left and nothing is in flight here (or on close). */
  idle(): Promise<void>;
  /** `delivered` and `failedAttempts` of this instance; `pending` read from the store (it scans every backlog). */
  stats(): Promise<NotificationDispatcherStats>;
  /** Stops delivering, aborts requests in flight, gives up this instance's leases; the store stays open. */
  close(): Promise<void>;
}

interface LocalState {
  running: Promise<void> | undefined;
  /** Another round was asked for while one ran. */
  again: boolean;
  controller: AbortController | undefined;
  timer: ReturnType<typeof setTimeout> | undefined;
  failures: number;
  leased: boolean;
}

const keyOf = (clientId: string, api: string): string => `${clientId}\u0000${api}`;
const IDLE_CHECK_MS = 20;

/**
 * Delivers the notifications of a NotificationStore, from as many instances as share it: per
 * subscription one instance at a time holds a lease and sends strictly in sequence order, one batch
 * in flight, moving the stored cursor only after a 2xx. A crash between a 2xx and the cursor update
 * sends that batch again (at least once); nothing appended is skipped.
 */
export function createStoredNotificationDispatcher(options: StoredNotificationDispatcherOptions): StoredNotificationDispatcher {
  const { store } = options;
  const batchSize = positive('batchSize', options.batchSize, 100, true);
  const policy = retryPolicy(options.retry, options.random);
  const timeoutMs = positive('timeoutMs', options.timeoutMs, 10_000);
  const leaseMs = positive('leaseMs', options.leaseMs, Math.max(30_000, 3 * timeoutMs));
  const pollIntervalMs = positive('pollIntervalMs', options.pollIntervalMs, 1000);
  const worker = options.worker ?? globalThis.crypto.randomUUID();
  const now = options.now ?? systemClock;
  const states = new Map<string, LocalState>();
  const counters = { delivered: 0, failedAttempts: 0 };
  let closed = false;

  const report = (error: unknown, subscription: Subscription): void =>
    reportError(options.onError, error, { clientId: subscription.clientId, api: subscription.api, callbackUrl: subscription.callbackUrl });

  const stateOf = (key: string): LocalState => {
    let state = states.get(key);
    if (!state) {
      state = { running: undefined, again: false, controller: undefined, timer: undefined, failures: 0, leased: false };
      states.set(key, state);
    }
    return state;
  };

  /** Sends batches while there are any; resolves when caught up, leased elsewhere, or after a failure (retry scheduled). */
  async function round(subscription: Subscription, state: LocalState): Promise<void> {
    const { clientId, api } = subscription;
    let current: Subscription = subscription;
    try {
      while (!closed) {
        const leased = await store.leaseSubscription(clientId, api, { worker, now: now(), leaseMs });
        state.leased = leased !== undefined;
        if (!leased) return;
        current = leased;
        const entries = await store.after(leased.cursor, { api, limit: batchSize });
        if (!entries.length) return;
        const batch = entries.filter((entry: StoredNotification) => options.isAllowed(leased, entry));
        if (batch.length) {
          const controller = new AbortController();
          state.controller = controller;
          const headers = (await options.headers?.({ clientId, api, callbackUrl: leased.callbackUrl })) ?? {};
          await postNotifications(leased, batch, { fetch: options.fetch, headers, signal: controller.signal, timeoutMs });
          state.controller = undefined;
          if (closed) return;
          counters.delivered += batch.length;
        }
        await store.advanceCursor(clientId, api, entries.at(-1)!.sequence);
        state.failures = 0;
      }
    } catch (error) {
      state.controller = undefined;
      if (closed || !states.has(keyOf(clientId, api))) return;
      counters.failedAttempts += 1;
      report(error, current);
      state.failures += 1;
      state.timer = setTimeout(
        () => {
          state.timer = undefined;
          pump(subscription);
        },
        retryDelay(policy, state.failures, error instanceof NotificationDeliveryError ? error.retryAfter : null),
      );
      state.timer.unref?.();
    }
  }

  function pump(subscription: Subscription): void {
    if (closed) return;
    const state = stateOf(keyOf(subscription.clientId, subscription.api));
    if (state.timer) return;
    if (state.running) {
      state.again = true;
      return;
    }
    state.again = false;
    state.running = round(subscription, state).finally(() => {
      state.running = undefined;
      if (state.again && !state.timer) pump(subscription);
    });
  }

  /** Looks at the store: picks up subscriptions made elsewhere, forgets removed ones, pumps each. */
  const pumpAll = async (): Promise<void> => {
    if (closed) return;
    let stored: StoredSubscription[];
    try {
      stored = await store.subscriptions();
    } catch (error) {
      counters.failedAttempts += 1;
      report(error, { clientId: '', api: '', callbackUrl: '' });
      return;
    }
    const present = new Set(stored.map((subscription) => keyOf(subscription.clientId, subscription.api)));
    for (const [key, state] of states) {
      if (!present.has(key)) forget(key, state);
    }
    for (const subscription of stored) pump(subscription);
  };

  const forget = (key: string, state: LocalState): void => {
    states.delete(key);
    if (state.timer) clearTimeout(state.timer);
    state.timer = undefined;
    state.controller?.abort();
  };

  const poller = setInterval(() => void pumpAll(), pollIntervalMs);
  poller.unref?.();

  const pendingFor = async (subscription: StoredSubscription): Promise<number> => {
    let pending = 0;
    let cursor = subscription.cursor;
    for (;;) {
      const entries = await store.after(cursor, { api: subscription.api, limit: 1000 });
      if (!entries.length) return pending;
      pending += entries.filter((entry) => options.isAllowed(subscription, entry)).length;
      cursor = entries.at(-1)!.sequence;
    }
  };

  const pendingTotal = async (): Promise<number> => {
    let pending = 0;
    for (const subscription of await store.subscriptions()) pending += await pendingFor(subscription);
    return pending;
  };

  const busy = (): boolean => [...states.values()].some((state) => state.running !== undefined || state.timer !== undefined);

  return {
    async subscribe(input) {
      if (closed) throw new Error('the notification dispatcher is closed');
      const subscription = checkSubscription(input);
      await store.saveSubscription(subscription, await store.lastSequence());
    },
    async unsubscribe(clientId, api) {
      await store.removeSubscription(clientId, api);
      const key = keyOf(clientId, api);
      const state = states.get(key);
      if (state) forget(key, state);
    },
    async subscriptions() {
      return (await store.subscriptions()).map(({ clientId, api, callbackUrl }) => ({ clientId, api, callbackUrl }));
    },
    notify() {
      void pumpAll();
    },
    async idle() {
      while (!closed) {
        await pumpAll();
        await Promise.allSettled([...states.values()].flatMap((state) => state.running ?? []));
        try {
          if (!busy() && (await pendingTotal()) === 0) return;
        } catch {
          // the store did not answer: look again
        }
        await new Promise((resolve) => setTimeout(resolve, IDLE_CHECK_MS));
      }
    },
    async stats() {
      return { ...counters, pending: await pendingTotal() };
    },
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(poller);
      const rounds: Promise<void>[] = [];
      for (const state of states.values()) {
        if (state.timer) clearTimeout(state.timer);
        state.timer = undefined;
        state.controller?.abort();
        if (state.running) rounds.push(state.running);
      }
      await Promise.allSettled(rounds);
      const held = [...states.entries()].filter(([, state]) => state.leased);
      await Promise.allSettled(
        held.map(([key]) => {
          const [clientId, api] = key.split('\u0000') as [string, string];
          return store.releaseSubscription(clientId, api, worker);
        }),
      );
    },
  };
}
