import type { ApiRegistry, OperationDefinition } from '../registry';
import type { Bron, BronOptions, OperationInput } from '../server/bron';
import { exchangeBron, type OtherHandlers } from './exchange-bron';
import { exchangePairs, outboundId, providingRole, requireReference, type ExchangePair } from './exchange-operations';
import { createOutboxDelivery } from './outbox-delivery';
import { createRequestProcessing, type ProcessRequest } from './request-processing';
import { positiveOption, resolveRuntime, type ExchangeRuntimeOptions } from './runtime-options';
import type { ExchangeStore } from './store';

type Maybe<T> = T | undefined | Promise<T | undefined>;

export interface OntvangerOptions<R extends ApiRegistry = ApiRegistry> extends ExchangeRuntimeOptions {
  readonly registry: R;
  /**
   * Shared by every instance of this ontvanger, and by nothing else: not by the ontvanger of another
   * API, nor by a verzender (a store's queues are not split by party). Closing the ontvanger does not close it.
   */
  readonly store: ExchangeStore;
  /** Turns a request into its confirmation body (see ProcessRequest). */
  readonly process: ProcessRequest;
  /**
   * The full URL of the verzender's confirmation endpoint (`operation` is the confirmation
   * operation; `operationUrl(base, operation)` builds it from a base URL). Asked at every delivery
   * attempt; undefined = not known yet, the confirmation waits and is tried again.
   */
  confirmationUrl(peer: string, operation: OperationDefinition): Maybe<string>;
  /** The access token for the verzender's confirmation endpoint, sent as `Authorization: Bearer …`; never logged. */
  authorization?(peer: string, operation: OperationDefinition): Maybe<string>;
  /**
   * Establishes the verzender (401 otherwise). Its `clientId` keys the exchange: two verzenders may
   * use the same reference id. Required unless `dangerouslyAcceptAnyToken` (then every caller is `''`).
   */
  readonly authenticate?: BronOptions['authenticate'];
  /** Local experiments and test doubles only: without `authenticate`, accept any bearer token unverified (see BronOptions). */
  readonly dangerouslyAcceptAnyToken?: boolean;
  /** Only these request operations (default: every push-asynchronous request of the registry). */
  readonly operations?: readonly string[];
  /** Handlers for other operations of the API this party serves; the rest of its role answers 501. */
  readonly handlers?: OtherHandlers<R>;
  /** Path prefix; default the registry's `/<api>/v<major>`. */
  readonly basePath?: string;
  /** Requests processed at once by this instance; default 4. */
  readonly processConcurrency?: number;
  /** How long a claimed request stays with this instance; must exceed the longest `process` call. Default 60 000 ms. */
  readonly leaseMs?: number;
  /** Errors other than refusals (store failures, bugs); the verzender gets 500 and sends again. */
  readonly onUnexpectedError?: BronOptions['onUnexpectedError'];
}

/** The receiving side of a melding–bevestiging exchange: a Bron plus its background loops. */
export interface Ontvanger extends Bron {
  /** Starts processing and delivery (done by the constructor unless `autoStart: false`). */
  start(): void;
  /** Stops claiming work and waits for the requests and deliveries in hand; the store stays open. */
  close(): Promise<void>;
}

/**
 * The ontvanger of conventions §12: answers a request 202 once it is stored under its reference id,
 * processes it in the background, and PUTs the confirmation to the verzender until it is accepted.
 * A repeated reference id is not processed again; when it is processed, its stored confirmation
 * (same receipt id) is sent again.
 */
export function createOntvanger<R extends ApiRegistry>(options: OntvangerOptions<R>): Ontvanger {
  const { registry, store } = options;
  const runtime = resolveRuntime(options);
  const { clock, emit } = runtime;
  const pairs = new Map<string, ExchangePair>(exchangePairs(registry, options.operations).map((pair) => [pair.request.operationId, pair]));

  const delivery = createOutboxDelivery({
    registry,
    store,
    worker: runtime.worker,
    policy: runtime.policy,
    fetch: runtime.fetch,
    timeoutMs: runtime.timeoutMs,
    concurrency: runtime.deliveryConcurrency,
    pollIntervalMs: runtime.pollIntervalMs,
    clock,
    emit,
    owns: (message) => message.kind === 'confirmation' && message.key.api === registry.api && pairs.has(message.key.operationId),
    async target(message, operation) {
      const url = await options.confirmationUrl(message.key.peer, operation);
      if (!url) return undefined;
      const token = await options.authorization?.(message.key.peer, operation);
      return { url, authorization: token ? `Bearer ${token}` : undefined };
    },
  });
  const processing = createRequestProcessing({
    store,
    worker: runtime.worker,
    pairs,
    process: options.process,
    policy: runtime.policy,
    leaseMs: positiveOption('leaseMs', options.leaseMs, 60_000),
    concurrency: positiveOption('processConcurrency', options.processConcurrency, 4, true),
    pollIntervalMs: runtime.pollIntervalMs,
    clock,
    emit,
    onConfirmationQueued: () => delivery.wake(),
  });

  const receive = (pair: ExchangePair) => async (input: OperationInput) => {
    const referenceId = requireReference(input.body, pair.request.exchange);
    const key = { api: registry.api, operationId: pair.request.operationId, peer: input.caller.clientId ?? '', referenceId };
    const now = clock();
    const { created, request } = await store.receiveRequest(key, input.body, now);
    if (created) {
      emit({ type: 'received', key });
      processing.wake();
      return undefined;
    }
    const redelivered = request.state === 'processed';
    if (redelivered) {
      await store.redeliver(outboundId('confirmation', key), now);
      delivery.wake();
    }
    emit({ type: 'repeated', key, redelivered });
    return undefined;
  };

  const bron = exchangeBron({
    registry,
    role: providingRole(registry, [...pairs.values()][0]!.request),
    served: Object.fromEntries([...pairs.values()].map((pair) => [pair.request.operationId, receive(pair)])),
    others: options.handlers,
    authenticate: options.authenticate,
    dangerouslyAcceptAnyToken: options.dangerouslyAcceptAnyToken,
    basePath: options.basePath,
    onUnexpectedError: options.onUnexpectedError,
  });

  const start = (): void => {
    processing.start();
    delivery.start();
  };
  if (runtime.autoStart) start();
  return {
    ...bron,
    start,
    async close() {
      await Promise.all([processing.close(), delivery.close()]);
    },
  };
}
