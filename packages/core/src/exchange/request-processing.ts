import type { RetryPolicy } from './delivery-policy';
import { checkConfirmation, completeConfirmation, type ConfirmationDraft } from './confirmation-body';
import { errorText, type ExchangeEvent } from './events';
import { outboundId, type ExchangeOperation, type ExchangePair } from './exchange-operations';
import type { ExchangeStore, ReceivedRequest } from './store';
import { createWorkLoop, type WorkLoop } from './work-loop';

/** A received request as the supplier's `process` sees it. */
export interface ExchangeRequest {
  readonly api: string;
  readonly operationId: string;
  readonly operation: ExchangeOperation;
  /** The verzender: the client id that sent the request. */
  readonly peer: string;
  readonly referenceId: string;
  /** The request body, as validated when it was received. */
  readonly body: unknown;
  readonly receivedAt: Date;
  /** 1 the first time; higher when an earlier attempt failed or its worker died. */
  readonly attempt: number;
}

export interface ProcessContext {
  /** The operation the confirmation is sent with (`confirmOrder`, …). */
  readonly confirmation: ExchangeOperation;
}

/**
 * Turns a request into its confirmation body. Throwing means "not now": the request is tried again
 * after a backoff, never dropped. Should be idempotent too: a worker that dies after `process` and
 * before the confirmation is stored leaves the request to be processed again.
 */
export type ProcessRequest = (request: ExchangeRequest, context: ProcessContext) => ConfirmationDraft | Promise<ConfirmationDraft>;

export interface RequestProcessingOptions {
  readonly store: ExchangeStore;
  readonly worker: string;
  readonly pairs: ReadonlyMap<string, ExchangePair>;
  readonly process: ProcessRequest;
  readonly policy: RetryPolicy;
  readonly leaseMs: number;
  readonly concurrency: number;
  readonly pollIntervalMs: number;
  readonly clock: () => Date;
  readonly emit: (event: ExchangeEvent) => void;
  /** Called when a confirmation was queued, to start its delivery. */
  readonly onConfirmationQueued: () => void;
}

/** The processing loop of an ontvanger: claim a received request, process it, store and queue its confirmation. */
export function createRequestProcessing(options: RequestProcessingOptions): WorkLoop {
  const { store, worker, clock, emit } = options;

  const processOne = async (request: ReceivedRequest): Promise<void> => {
    const { key } = request;
    const pair = options.pairs.get(key.operationId);
    if (!pair) {
      // Left leased, not released: releasing would hand it straight back to this loop.
      emit({
        type: 'loop-error',
        loop: 'processing',
        error: `claimed ${key.api} ${key.operationId}, which this ontvanger does not process: give each ontvanger a store of its own`,
      });
      return;
    }
    try {
      const view: ExchangeRequest = { ...key, operation: pair.request, body: request.body, receivedAt: request.receivedAt, attempt: request.attempts };
      const draft = await options.process(view, { confirmation: pair.confirmation });
      const processedAt = clock();
      const confirmation = completeConfirmation(draft, pair.confirmation.exchange, key.referenceId, processedAt);
      checkConfirmation(confirmation, pair.confirmation);
      const delivery = {
        id: outboundId('confirmation', key),
        kind: 'confirmation' as const,
        key,
        operationId: pair.confirmation.operationId,
        body: confirmation,
        at: processedAt,
      };
      // False: the lease expired and another worker took the request over; it completes it.
      if (await store.completeRequest(key, worker, confirmation, processedAt, delivery)) {
        emit({ type: 'processed', key, attempt: request.attempts });
        options.onConfirmationQueued();
      }
    } catch (error) {
      const retryAt = new Date(clock().getTime() + options.policy.backoff(request.attempts));
      const message = errorText(error);
      await store.releaseRequest(key, worker, retryAt, message);
      emit({ type: 'process-failed', key, attempt: request.attempts, error: message, retryAt });
    }
  };

  return createWorkLoop({
    claim: (limit) => store.claimRequests({ worker, now: clock(), leaseMs: options.leaseMs, limit }),
    handle: processOne,
    concurrency: options.concurrency,
    pollIntervalMs: options.pollIntervalMs,
    onError: (error) => emit({ type: 'loop-error', loop: 'processing', error: errorText(error) }),
  });
}
