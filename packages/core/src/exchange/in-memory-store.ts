import type { Claim, ConfirmationOutcome, ExchangeKey, ExchangeStore, NewOutboundMessage, OutboundMessage, ReceivedRequest, SentRequest } from './store';

type Leased<T> = { -readonly [K in keyof T]: T[K] } & { leaseOwner?: string; leaseUntil?: number };

/** Identifies an exchange in a map; the NUL separator cannot occur in a client id or reference id. */
export function exchangeKeyString(key: ExchangeKey): string {
  return [key.api, key.operationId, key.peer, key.referenceId].join('\u0000');
}

const copy = <T extends object>(record: T): T => {
  const { leaseOwner: _owner, leaseUntil: _until, ...rest } = record as Leased<T>;
  return structuredClone(rest) as T;
};

/**
 * An ExchangeStore in this process's memory: right for tests, the mock and one-instance deployments
 * that may lose in-flight exchanges on a restart. Bodies are copied in and out, as a database would.
 */
export function createInMemoryExchangeStore(): ExchangeStore {
  const received = new Map<string, Leased<ReceivedRequest>>();
  const outbox = new Map<string, Leased<OutboundMessage>>();
  const sent = new Map<string, Leased<SentRequest>>();

  const leaseFree = (record: { leaseOwner?: string; leaseUntil?: number }, now: number) => record.leaseOwner === undefined || (record.leaseUntil ?? 0) <= now;
  const holds = (record: { leaseOwner?: string; leaseUntil?: number } | undefined, worker: string) => record?.leaseOwner === worker;

  const enqueueNow = (message: NewOutboundMessage): boolean => {
    if (outbox.has(message.id)) return false;
    outbox.set(message.id, {
      id: message.id,
      kind: message.kind,
      key: structuredClone(message.key),
      operationId: message.operationId,
      body: structuredClone(message.body),
      state: 'pending',
      attempts: 0,
      nextAttemptAt: message.at,
      createdAt: message.at,
    });
    return true;
  };

  return {
    async receiveRequest(key, body, at) {
      const id = exchangeKeyString(key);
      const existing = received.get(id);
      if (existing) return { created: false, request: copy(existing) };
      const request: Leased<ReceivedRequest> = {
        key: structuredClone(key),
        body: structuredClone(body),
        receivedAt: at,
        state: 'received',
        attempts: 0,
        availableAt: at,
      };
      received.set(id, request);
      return { created: true, request: copy(request) };
    },

    async claimRequests({ worker, now, leaseMs, limit }: Claim) {
      const time = now.getTime();
      const due = [...received.values()]
        .filter(
          (request) => (request.state === 'received' && request.availableAt.getTime() <= time) || (request.state === 'processing' && leaseFree(request, time)),
        )
        .sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime())
        .slice(0, limit);
      for (const request of due) {
        request.state = 'processing';
        request.attempts += 1;
        request.leaseOwner = worker;
        request.leaseUntil = time + leaseMs;
      }
      return due.map(copy);
    },

    async completeRequest(key, worker, confirmation, processedAt, delivery) {
      const request = received.get(exchangeKeyString(key));
      if (!request || request.state !== 'processing' || !holds(request, worker)) return false;
      request.state = 'processed';
      request.confirmation = structuredClone(confirmation);
      request.processedAt = processedAt;
      delete request.leaseOwner;
      delete request.leaseUntil;
      enqueueNow(delivery);
      return true;
    },

    async releaseRequest(key, worker, retryAt, error) {
      const request = received.get(exchangeKeyString(key));
      if (!request || request.state !== 'processing' || !holds(request, worker)) return;
      request.state = 'received';
      request.availableAt = retryAt;
      request.lastError = error;
      delete request.leaseOwner;
      delete request.leaseUntil;
    },

    async getRequest(key) {
      const request = received.get(exchangeKeyString(key));
      return request && copy(request);
    },

    async enqueue(message) {
      return enqueueNow(message);
    },

    async claimOutbound({ worker, now, leaseMs, limit }: Claim) {
      const time = now.getTime();
      const due = [...outbox.values()]
        .filter((message) => message.state === 'pending' && message.nextAttemptAt.getTime() <= time && leaseFree(message, time))
        .sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime())
        .slice(0, limit);
      for (const message of due) {
        message.leaseOwner = worker;
        message.leaseUntil = time + leaseMs;
      }
      return due.map(copy);
    },

    async markDelivered(id, worker, at) {
      const message = outbox.get(id);
      if (!message || !holds(message, worker)) return;
      message.state = 'delivered';
      message.attempts += 1;
      message.deliveredAt = at;
      delete message.lastError;
      delete message.leaseOwner;
      delete message.leaseUntil;
    },

    async markAttemptFailed(id, worker, nextAttemptAt, error, giveUp = false) {
      const message = outbox.get(id);
      if (!message || !holds(message, worker)) return;
      message.state = giveUp ? 'failed' : 'pending';
      message.attempts += 1;
      message.nextAttemptAt = nextAttemptAt;
      message.lastError = error;
      delete message.leaseOwner;
      delete message.leaseUntil;
    },

    async redeliver(id, at) {
      const message = outbox.get(id);
      if (!message) return;
      message.state = 'pending';
      message.nextAttemptAt = at;
      // An attempt in flight must not mark it delivered afterwards: the repeat asked for another send.
      delete message.leaseOwner;
      delete message.leaseUntil;
    },

    async getOutbound(id) {
      const message = outbox.get(id);
      return message && copy(message);
    },

    async recordSent(key, body, at, delivery) {
      const id = exchangeKeyString(key);
      if (sent.has(id)) return false;
      sent.set(id, { key: structuredClone(key), body: structuredClone(body), sentAt: at, confirmations: 0 });
      enqueueNow(delivery);
      return true;
    },

    async receiveConfirmation(key, confirmation, at): Promise<ConfirmationOutcome> {
      const request = sent.get(exchangeKeyString(key));
      if (!request) return { outcome: 'unknown' };
      request.confirmations += 1;
      if (request.confirmation !== undefined) return { outcome: 'repeat', sent: copy(request) };
      request.confirmation = structuredClone(confirmation);
      request.confirmedAt = at;
      return { outcome: 'first', sent: copy(request) };
    },

    async getSent(key) {
      const request = sent.get(exchangeKeyString(key));
      return request && copy(request);
    },

    async close() {},
  };
}
