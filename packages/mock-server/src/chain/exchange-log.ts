import type { ExchangeEvent, ExchangeKey } from '@eduvkit/core/exchange';

/**
 * Where an exchange stands, as the mock sees it. As ontvanger: pending (received, not processed yet)
 * → processed (confirmation queued) → confirmed (the client accepted the confirmation), or failed.
 * As verzender: sent → accepted (the client answered 202) → confirmed (its confirmation arrived).
 */
export type ExchangeState = 'pending' | 'processed' | 'confirmed' | 'failed' | 'sent' | 'accepted';

export interface ExchangeEntry {
  /** `received`: a client sent it to the mock; `sent`: the mock sent it (entitlements to a client). */
  readonly direction: 'received' | 'sent';
  readonly api: string;
  readonly operationId: string;
  /** The client on the other side (for `sent`: the client the mock sent to). */
  readonly peer: string;
  readonly referenceId: string;
  state: ExchangeState;
  /** Processing attempts (received) or delivery attempts of the request (sent). */
  attempts: number;
  /** Delivery attempts of the confirmation (received exchanges). */
  deliveryAttempts: number;
  /** Requests with this reference id after the first (§12.5: not processed again). */
  repeats: number;
  confirmation?: unknown;
  lastError?: string;
  readonly createdAt: string;
  updatedAt: string;
}

const keyOf = (direction: string, key: Pick<ExchangeKey, 'api' | 'operationId' | 'peer' | 'referenceId'>) =>
  [direction, key.api, key.operationId, key.peer, key.referenceId].join(' ');

/** The chain's exchanges for `GET /_admin/exchanges`: newest first, the oldest dropped beyond `capacity`. */
export class ExchangeLog {
  private readonly entries = new Map<string, ExchangeEntry>();
  /** Sent requests are keyed without a peer by the machinery; the mock knows whom it sent them to. */
  private readonly sentPeers = new Map<string, string>();

  constructor(
    readonly capacity = 500,
    private readonly now: () => Date = () => new Date(),
  ) {}

  list(limit = this.capacity): ExchangeEntry[] {
    return [...this.entries.values()].reverse().slice(0, limit);
  }

  /** Names the client a request the mock sends goes to, before it is sent. */
  sendingTo(api: string, operationId: string, referenceId: string, peer: string): void {
    this.sentPeers.set(keyOf('sent', { api, operationId, peer: '', referenceId }), peer);
  }

  /** Keeps the confirmation body of an exchange (the mock's own, or the one a client sent). */
  noteConfirmation(direction: 'received' | 'sent', key: ExchangeKey, confirmation: unknown): void {
    const entry = this.entry(direction, key);
    if (entry) entry.confirmation = confirmation;
  }

  /** The hook every chain ontvanger and verzender reports to. */
  readonly record = (event: ExchangeEvent): void => {
    switch (event.type) {
      case 'received':
        this.add('received', event.key, 'pending');
        return;
      case 'repeated':
        this.update('received', event.key, (entry) => (entry.repeats += 1));
        return;
      case 'processed':
        this.update('received', event.key, (entry) => ((entry.state = 'processed'), (entry.attempts = event.attempt)));
        return;
      case 'process-failed':
        this.update('received', event.key, (entry) => ((entry.attempts = event.attempt), (entry.lastError = event.error)));
        return;
      case 'sent':
        if (!event.repeated) this.add('sent', event.key, 'sent');
        return;
      case 'delivered':
        this.update(event.kind === 'request' ? 'sent' : 'received', event.key, (entry) => {
          if (event.kind === 'request') {
            entry.attempts = event.attempts;
            if (entry.state === 'sent') entry.state = 'accepted';
          } else {
            entry.deliveryAttempts = event.attempts;
            entry.state = 'confirmed';
          }
        });
        return;
      case 'attempt-failed':
        this.update(event.kind === 'request' ? 'sent' : 'received', event.key, (entry) => {
          if (event.kind === 'request') entry.attempts = event.attempt;
          else entry.deliveryAttempts = event.attempt;
          entry.lastError = event.error;
        });
        return;
      case 'gave-up':
        this.update(event.kind === 'request' ? 'sent' : 'received', event.key, (entry) => ((entry.state = 'failed'), (entry.lastError = event.error)));
        return;
      case 'confirmed':
        this.update('sent', event.key, (entry) => (entry.state = 'confirmed'));
        return;
      default:
        return;
    }
  };

  private entry(direction: 'received' | 'sent', key: ExchangeKey): ExchangeEntry | undefined {
    return this.entries.get(keyOf(direction, key));
  }

  private add(direction: 'received' | 'sent', key: ExchangeKey, state: ExchangeState): void {
    const id = keyOf(direction, key);
    if (this.entries.has(id)) return;
    const at = this.now().toISOString();
    const peer = direction === 'sent' ? (this.sentPeers.get(id) ?? '') : key.peer;
    this.sentPeers.delete(id);
    this.entries.set(id, {
      direction,
      api: key.api,
      operationId: key.operationId,
      peer,
      referenceId: key.referenceId,
      state,
      attempts: 0,
      deliveryAttempts: 0,
      repeats: 0,
      createdAt: at,
      updatedAt: at,
    });
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  private update(direction: 'received' | 'sent', key: ExchangeKey, change: (entry: ExchangeEntry) => unknown): void {
    const entry = this.entry(direction, key);
    if (!entry) return;
    change(entry);
    entry.updatedAt = this.now().toISOString();
  }
}
