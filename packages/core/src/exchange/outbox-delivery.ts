import { redact } from '../logger';
import type { ApiRegistry, OperationDefinition } from '../registry';
import type { RetryPolicy } from './delivery-policy';
import { errorText, type ExchangeEvent } from './events';
import type { ExchangeStore, OutboundMessage } from './store';
import { createWorkLoop, type WorkLoop } from './work-loop';

/** Where one message goes and the Authorization header it carries (never logged). */
export interface DeliveryTarget {
  readonly url: string;
  readonly authorization?: string | undefined;
  /** Called when the other side answered 401: e.g. a token provider drops the token. */
  readonly unauthorized?: () => void;
}

export interface OutboxDeliveryOptions {
  readonly registry: ApiRegistry;
  readonly store: ExchangeStore;
  readonly worker: string;
  /** Whether this party sends the message; another party's (a store shared by mistake) is never delivered. */
  owns(message: OutboundMessage): boolean;
  /** Resolved at delivery time; undefined = not known yet, try again later. */
  target(message: OutboundMessage, operation: OperationDefinition): Promise<DeliveryTarget | undefined>;
  readonly policy: RetryPolicy;
  readonly fetch: typeof fetch | undefined;
  readonly timeoutMs: number;
  readonly concurrency: number;
  readonly pollIntervalMs: number;
  readonly clock: () => Date;
  readonly emit: (event: ExchangeEvent) => void;
}

type Attempt = { ok: true } | { ok: false; httpStatus?: number; retryAfter?: string | null; error: string };

const SNIPPET = 200;

/**
 * The delivery loop of an outbox: PUTs each due message to its target and records the outcome, so
 * that any instance sharing the store can take over a message whose lease expired.
 */
export function createOutboxDelivery(options: OutboxDeliveryOptions): WorkLoop {
  const { store, worker, policy, clock, emit } = options;
  const leaseMs = options.timeoutMs + 5_000;

  const attempt = async (message: OutboundMessage, operation: OperationDefinition): Promise<Attempt> => {
    let target: DeliveryTarget | undefined;
    try {
      target = await options.target(message, operation);
    } catch (error) {
      return { ok: false, error: `no target: ${errorText(error)}` };
    }
    if (!target) return { ok: false, error: `no ${operation.operationId} endpoint known for ${message.key.peer || 'the ontvanger'} yet` };
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.timeoutMs);
    try {
      const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
      if (target.authorization) headers.authorization = target.authorization;
      const response = await (options.fetch ?? fetch)(target.url, {
        method: operation.method,
        headers,
        body: JSON.stringify(message.body),
        signal: controller.signal,
      });
      const text = await response.text();
      if (response.ok) return { ok: true };
      if (response.status === 401) target.unauthorized?.();
      return {
        ok: false,
        httpStatus: response.status,
        retryAfter: response.headers.get('retry-after'),
        error: redact(`HTTP ${response.status}${text ? `: ${text.slice(0, SNIPPET)}` : ''}`),
      };
    } catch (error) {
      return { ok: false, error: controller.signal.aborted ? `timed out after ${options.timeoutMs} ms` : `network error: ${errorText(error)}` };
    } finally {
      clearTimeout(timer);
    }
  };

  const deliver = async (message: OutboundMessage): Promise<void> => {
    const { id, kind, key } = message;
    if (!options.owns(message)) {
      // Left leased, not marked: a failed attempt would delay the party that does send it.
      emit({
        type: 'loop-error',
        loop: 'delivery',
        error: `claimed ${kind} ${id}, which this party does not send: give each ontvanger and verzender a store of its own`,
      });
      return;
    }
    const tries = message.attempts + 1;
    const operation = options.registry.operations[message.operationId];
    if (!operation) {
      const error = `${options.registry.api} has no operation ${message.operationId}`;
      await store.markAttemptFailed(id, worker, clock(), error, true);
      emit({ type: 'gave-up', messageId: id, kind, key, attempts: tries, error });
      return;
    }
    const result = await attempt(message, operation);
    if (result.ok) {
      await store.markDelivered(id, worker, clock());
      emit({ type: 'delivered', messageId: id, kind, key, attempts: tries });
      return;
    }
    const now = clock();
    const decision = policy.afterFailure(tries, result, now.getTime());
    const nextAttemptAt = new Date(now.getTime() + (decision.giveUp ? 0 : decision.delayMs));
    await store.markAttemptFailed(id, worker, nextAttemptAt, result.error, decision.giveUp);
    const status = result.httpStatus === undefined ? {} : { httpStatus: result.httpStatus };
    if (decision.giveUp) emit({ type: 'gave-up', messageId: id, kind, key, attempts: tries, error: result.error });
    else emit({ type: 'attempt-failed', messageId: id, kind, key, attempt: tries, ...status, error: result.error, nextAttemptAt });
  };

  return createWorkLoop({
    claim: (limit) => store.claimOutbound({ worker, now: clock(), leaseMs, limit }),
    handle: deliver,
    concurrency: options.concurrency,
    pollIntervalMs: options.pollIntervalMs,
    onError: (error) => emit({ type: 'loop-error', loop: 'delivery', error: errorText(error) }),
  });
}
