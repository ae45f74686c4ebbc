/**
 * What the melding–bevestiging machinery (conventions §12) keeps, behind one interface, so that a
 * supplier running several instances shares it and a crash loses nothing. Two implementations ship:
 * `createInMemoryExchangeStore` here and `createPostgresExchangeStore` in `@eduvkit/store-postgres`;
 * `verifyExchangeStore` (`@eduvkit/core/exchange/verify`) checks any other against the rules below.
 *
 * Every method is atomic on its own. Times are passed in (never read from a clock inside a store),
 * so tests and several instances agree on what "due" means.
 */

/** One exchange as both sides name it. For received requests `peer` is the verzender's client id. */
export interface ExchangeKey {
  /** e.g. `order-api`. */
  readonly api: string;
  /** operationId of the request operation (also when the key is used for its confirmation). */
  readonly operationId: string;
  /** The other party: the client id that sent a received request; `''` for requests this party sent. */
  readonly peer: string;
  /** The verzender's reference id (`requestReferenceId`, `deliveryOrderReferenceId`, …). */
  readonly referenceId: string;
}

/** received → processing (leased to one worker) → processed (its confirmation stored and queued). */
export type ReceivedState = 'received' | 'processing' | 'processed';

/** A request this party received as ontvanger. */
export interface ReceivedRequest {
  readonly key: ExchangeKey;
  readonly body: unknown;
  readonly receivedAt: Date;
  readonly state: ReceivedState;
  /** How many times processing was started. */
  readonly attempts: number;
  /** Not before this moment may the request be claimed (again). */
  readonly availableAt: Date;
  readonly confirmation?: unknown;
  readonly processedAt?: Date;
  /** Why the last processing attempt failed (never a secret). */
  readonly lastError?: string;
}

/** pending (due at `nextAttemptAt`) → delivered, or failed once the sender gave up. */
export type OutboundState = 'pending' | 'delivered' | 'failed';

/** A message this party must PUT to the other side: a confirmation (ontvanger) or a request (verzender). */
export interface OutboundMessage {
  /** Unique; enqueueing an id that exists changes nothing. */
  readonly id: string;
  readonly kind: 'request' | 'confirmation';
  readonly key: ExchangeKey;
  /** operationId of the operation called on the other side (`confirmOrder`, `placeOrder`, …). */
  readonly operationId: string;
  readonly body: unknown;
  readonly state: OutboundState;
  readonly attempts: number;
  readonly nextAttemptAt: Date;
  readonly createdAt: Date;
  readonly deliveredAt?: Date;
  readonly lastError?: string;
}

/** A request this party sent as verzender, and the confirmation that matched it. */
export interface SentRequest {
  readonly key: ExchangeKey;
  readonly body: unknown;
  readonly sentAt: Date;
  readonly confirmation?: unknown;
  readonly confirmedAt?: Date;
  /** Confirmations received for it, repeats included. */
  readonly confirmations: number;
}

export interface Claim {
  /** Who claims: a lease held by another worker is not taken before it expires. */
  readonly worker: string;
  readonly now: Date;
  readonly leaseMs: number;
  readonly limit: number;
}

export type NewOutboundMessage = Pick<OutboundMessage, 'id' | 'kind' | 'key' | 'operationId' | 'body'> & { readonly at: Date };

export type ConfirmationOutcome =
  /** The first confirmation of a request this party sent. */
  | { readonly outcome: 'first'; readonly sent: SentRequest }
  /** Another confirmation of a request already confirmed: accepted, the first one is kept. */
  | { readonly outcome: 'repeat'; readonly sent: SentRequest }
  /** No request with that key was sent: refuse it. */
  | { readonly outcome: 'unknown' };

export interface ExchangeStore {
  // Ontvanger: received requests.
  /**
   * Records a received request unless its key is known. Of concurrent calls with one key exactly one
   * gets `created: true`; the others get the stored request (the body of the first wins).
   */
  receiveRequest(key: ExchangeKey, body: unknown, at: Date): Promise<{ created: boolean; request: ReceivedRequest }>;
  /**
   * Leases up to `limit` requests that are `received` and available, or `processing` with a lease
   * that expired (a crashed worker), oldest first: state `processing`, attempts + 1, lease until
   * `now + leaseMs`. No request is leased to two workers at once.
   */
  claimRequests(claim: Claim): Promise<ReceivedRequest[]>;
  /**
   * Stores the confirmation of a request `worker` holds and, in the same transaction, enqueues its
   * delivery. False (and nothing changed) when the worker no longer holds the lease.
   */
  completeRequest(key: ExchangeKey, worker: string, confirmation: unknown, processedAt: Date, delivery: NewOutboundMessage): Promise<boolean>;
  /** Gives a leased request back after a failed attempt: `received` again, available from `retryAt`. */
  releaseRequest(key: ExchangeKey, worker: string, retryAt: Date, error: string): Promise<void>;
  getRequest(key: ExchangeKey): Promise<ReceivedRequest | undefined>;

  // Both sides: the outbox.
  /** Queues a message, due at `at`; false when the id exists (nothing changes). */
  enqueue(message: NewOutboundMessage): Promise<boolean>;
  /** Leases up to `limit` pending messages due at `now` whose lease is free or expired, oldest due first. */
  claimOutbound(claim: Claim): Promise<OutboundMessage[]>;
  /** The other side accepted it. Ignored when `worker` no longer holds the lease. */
  markDelivered(id: string, worker: string, at: Date): Promise<void>;
  /** One attempt failed: pending again from `nextAttemptAt`, or `failed` when `giveUp`. */
  markAttemptFailed(id: string, worker: string, nextAttemptAt: Date, error: string, giveUp?: boolean): Promise<void>;
  /**
   * Sends a message again (a repeated request gets its confirmation again, §12.5): pending, due at
   * `at`, and any lease released, so an attempt already in flight cannot mark it delivered.
   */
  redeliver(id: string, at: Date): Promise<void>;
  getOutbound(id: string): Promise<OutboundMessage | undefined>;

  // Verzender: requests sent and the confirmations that match them.
  /** Records a request and, in the same transaction, enqueues its delivery; false (nothing changed) when the key exists. */
  recordSent(key: ExchangeKey, body: unknown, at: Date, delivery: NewOutboundMessage): Promise<boolean>;
  /** Matches a received confirmation to the request sent with that key. */
  receiveConfirmation(key: ExchangeKey, confirmation: unknown, at: Date): Promise<ConfirmationOutcome>;
  getSent(key: ExchangeKey): Promise<SentRequest | undefined>;

  /** Releases connections; the in-memory store has nothing to release. */
  close(): Promise<void>;
}
