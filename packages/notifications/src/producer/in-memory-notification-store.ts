import type { Subscription } from './dispatcher';
import type { StoredNotification } from './log';
import { matchesFilter, placeNotifications, sinceTime, type LogHead, type NotificationStore, type StoredSubscription } from './notification-store';

interface Held {
  subscription: StoredSubscription;
  leaseOwner?: string;
  leaseUntil?: number;
}

const keyOf = (clientId: string, api: string): string => `${clientId}\u0000${api}`;

/**
 * A NotificationStore in this process's memory: for tests and single-instance producers that may
 * lose their log on a restart. Share one instance between log and dispatcher(s).
 */
export function createInMemoryNotificationStore(): NotificationStore {
  const entries: StoredNotification[] = [];
  const ids = new Set<string>();
  const held = new Map<string, Held>();
  let head: LogHead | undefined;
  const copy = <T>(value: T): T => structuredClone(value);

  return {
    async append(batch, now) {
      const seen = new Set(ids);
      for (const draft of batch) {
        if (seen.has(draft.id)) throw new RangeError(`the log already holds a notification with id ${draft.id}`);
        seen.add(draft.id);
      }
      const placement = placeNotifications(head, batch, now);
      head = placement.head;
      for (const entry of placement.placed) {
        entries.push(copy(entry));
        ids.add(entry.id);
      }
      return copy(placement.placed);
    },
    async after(sequence, { api, limit }) {
      const found: StoredNotification[] = [];
      for (const entry of entries.slice(Math.max(0, Math.floor(sequence)))) {
        if (found.length >= limit) break;
        if (api === undefined || entry.api === api) found.push(entry);
      }
      return copy(found);
    },
    async lastSequence() {
      return head?.sequence ?? 0;
    },
    async list(filter = {}) {
      const since = filter.since === undefined ? undefined : sinceTime(filter.since);
      return copy(entries.filter((entry) => (since === undefined || Date.parse(entry.created) > since) && matchesFilter(entry, filter)));
    },
    async saveSubscription(subscription: Subscription, cursor) {
      const key = keyOf(subscription.clientId, subscription.api);
      const existing = held.get(key);
      const saved: StoredSubscription = { ...subscription, cursor: existing?.subscription.cursor ?? cursor };
      held.set(key, { ...existing, subscription: saved });
      return { ...saved };
    },
    async subscriptions() {
      return [...held.values()].map(({ subscription }) => ({ ...subscription }));
    },
    async getSubscription(clientId, api) {
      const found = held.get(keyOf(clientId, api));
      return found && { ...found.subscription };
    },
    async removeSubscription(clientId, api) {
      held.delete(keyOf(clientId, api));
    },
    async advanceCursor(clientId, api, to) {
      const found = held.get(keyOf(clientId, api));
      if (!found) return undefined;
      found.subscription = { ...found.subscription, cursor: Math.max(found.subscription.cursor, to) };
      return found.subscription.cursor;
    },
    async leaseSubscription(clientId, api, { worker, now, leaseMs }) {
      const found = held.get(keyOf(clientId, api));
      if (!found) return undefined;
      const free = found.leaseOwner === undefined || found.leaseOwner === worker || (found.leaseUntil ?? 0) <= now.getTime();
      if (!free) return undefined;
      found.leaseOwner = worker;
      found.leaseUntil = now.getTime() + leaseMs;
      return { ...found.subscription };
    },
    async releaseSubscription(clientId, api, worker) {
      const found = held.get(keyOf(clientId, api));
      if (found?.leaseOwner === worker) {
        delete found.leaseOwner;
        delete found.leaseUntil;
      }
    },
    async close() {},
  };
}
