import type { TokenProvider } from '../auth';
import { EduvConfigError, EduvValidationError } from '../errors';
import type { ApiRegistry, OperationDefinition } from '../registry';
import type { Bron, BronOptions } from '../server/bron';
import { validationIssues } from '../validation';
import { createConfirmationMediator, type AwaitConfirmationOptions, type ExchangeConfirmation } from './confirmation-mediator';
import { exchangeBron, type OtherHandlers } from './exchange-bron';
import { confirmationReceiver, type ReceivedConfirmation } from './confirmation-receiver';
import { exchangePairs, operationUrl, outboundId, providingRole, referenceOf, sentKey, type ExchangePair } from './exchange-operations';
import { createOutboxDelivery } from './outbox-delivery';
import { positiveOption, resolveRuntime, type ExchangeRuntimeOptions } from './runtime-options';
import type { ExchangeStore } from './store';

type Maybe<T> = T | undefined | Promise<T | undefined>;

export interface VerzenderOptions<R extends ApiRegistry = ApiRegistry> extends ExchangeRuntimeOptions {
  readonly registry: R;
  /** Shared by every instance of this verzender and by nothing else (see OntvangerOptions.store); closing the verzender does not close it. */
  readonly store: ExchangeStore;
  /** The ontvanger's API base URL (e.g. `https://…/order-api/v0`); or give `requestUrl`. */
  readonly baseUrl?: string;
  /** The full URL of the ontvanger's endpoint for a request operation; asked at every attempt, undefined = try later. */
  requestUrl?(operation: OperationDefinition): Maybe<string>;
  /** The access token for the ontvanger, sent as `Authorization: Bearer …`; never logged. */
  authorization?(operation: OperationDefinition): Maybe<string>;
  /** Instead of `authorization`: tokens for the operation's scopes, dropped (`invalidate`) after a 401. */
  readonly tokenProvider?: TokenProvider;
  /** Establishes the ontvanger that PUTs a confirmation (401 otherwise). Required unless `dangerouslyAcceptAnyToken`. */
  readonly authenticate?: BronOptions['authenticate'];
  /** Local experiments and test doubles only: without `authenticate`, accept any bearer token unverified (see BronOptions). */
  readonly dangerouslyAcceptAnyToken?: boolean;
  /** Only these request operations (default: every push-asynchronous request of the registry). */
  readonly operations?: readonly string[];
  /** Handlers for other operations of the API this party serves; the rest of its role answers 501. */
  readonly handlers?: OtherHandlers<R>;
  /** Path prefix of the confirmation endpoints; default the registry's `/<api>/v<major>`. */
  readonly basePath?: string;
  /** How often `awaitConfirmation` looks in the store for a confirmation another instance received; default `pollIntervalMs`. */
  readonly confirmationPollMs?: number;
  /** Default timeout of `handle.confirmation`; default none (until `close()`). */
  readonly confirmationTimeoutMs?: number;
  readonly onUnexpectedError?: BronOptions['onUnexpectedError'];
  /**
   * Called with every confirmation accepted, repeats and later ones included (an Ordersysteem may
   * confirm `pending` and later `approved` under one reference id): `awaitConfirmation` gives the first.
   */
  readonly onConfirmation?: (confirmation: ReceivedConfirmation) => void | Promise<void>;
}

/** A request on its way: its reference id, and its confirmation once it arrives. */
export interface SentHandle {
  readonly referenceId: string;
  readonly operationId: string;
  /** False when a request with this reference id had been sent before: it is sent again, as first recorded. */
  readonly first: boolean;
  /** `awaitConfirmation` with the verzender's default timeout; created on first use. */
  readonly confirmation: Promise<ExchangeConfirmation>;
}

/** The sending side of a melding–bevestiging exchange; as a Bron it receives the confirmations. */
export interface Verzender extends Bron {
  /** Records the request (a new reference id unless the body has one) and PUTs it until the ontvanger accepts it. */
  send(operationId: string, body: Record<string, unknown>): Promise<SentHandle>;
  /** The Event Mediator: resolves with the confirmation of a request sent by any instance sharing the store. */
  awaitConfirmation(referenceId: string, options?: AwaitConfirmationOptions): Promise<ExchangeConfirmation>;
  start(): void;
  /** Stops delivery after the deliveries in hand and rejects every pending `awaitConfirmation`; the store stays open. */
  close(): Promise<void>;
}

/**
 * The verzender of conventions §12: sends requests through the store's outbox (a crash loses
 * nothing; resending is safe because the ontvanger is idempotent by reference id), matches the
 * confirmations it receives to them, and refuses a confirmation of a request it never sent.
 */
export function createVerzender<R extends ApiRegistry>(options: VerzenderOptions<R>): Verzender {
  const { registry, store } = options;
  const runtime = resolveRuntime(options);
  const { clock, emit } = runtime;
  const pairs = new Map<string, ExchangePair>(exchangePairs(registry, options.operations).map((pair) => [pair.request.operationId, pair]));
  if (!options.baseUrl && !options.requestUrl) throw new EduvConfigError('createVerzender needs baseUrl or requestUrl');

  const mediator = createConfirmationMediator(
    store,
    (referenceId, operationId) => {
      if (operationId !== undefined && !pairs.has(operationId)) throw new EduvConfigError(`this verzender sends no ${operationId}`);
      return (operationId === undefined ? [...pairs.keys()] : [operationId]).map((id) => sentKey(registry.api, id, referenceId));
    },
    positiveOption('confirmationPollMs', options.confirmationPollMs, runtime.pollIntervalMs),
  );

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
    owns: (message) => message.kind === 'request' && message.key.api === registry.api && pairs.has(message.operationId),
    async target(_message, operation) {
      const url = options.requestUrl ? await options.requestUrl(operation) : operationUrl(options.baseUrl!, operation);
      if (!url) return undefined;
      const provider = options.tokenProvider;
      const token = provider ? await provider.getToken({ scopes: operation.scopes }) : await options.authorization?.(operation);
      return { url, authorization: token ? `Bearer ${token}` : undefined, unauthorized: () => token && provider?.invalidate?.(token) };
    },
  });

  const awaitConfirmation = (referenceId: string, waitOptions?: AwaitConfirmationOptions) => mediator.wait(referenceId, waitOptions);

  const send = async (operationId: string, body: Record<string, unknown>): Promise<SentHandle> => {
    const pair = pairs.get(operationId);
    if (!pair) throw new EduvConfigError(`this verzender sends no ${operationId}; it sends ${[...pairs.keys()].join(', ')}`);
    const facts = pair.request.exchange;
    const given = referenceOf(body, facts);
    if (given === undefined && body[facts.reference] !== undefined) {
      throw new EduvValidationError(`Request of ${operationId}`, [{ path: `$.${facts.reference}`, message: 'a reference id must be a non-empty string' }], {
        operationId,
      });
    }
    const referenceId = given ?? crypto.randomUUID();
    const request = { ...body, [facts.reference]: referenceId };
    const checked = pair.request.body?.safeParse(request);
    if (checked && !checked.success) throw new EduvValidationError(`Request of ${operationId}`, validationIssues(checked.error), { operationId });
    const key = sentKey(registry.api, operationId, referenceId);
    const now = clock();
    const id = outboundId('request', key);
    const first = await store.recordSent(key, request, now, { id, kind: 'request', key, operationId, body: request, at: now });
    if (!first) await store.redeliver(id, now);
    emit({ type: 'sent', key, repeated: !first });
    delivery.wake();
    let confirmation: Promise<ExchangeConfirmation> | undefined;
    const timeout = options.confirmationTimeoutMs;
    return {
      referenceId,
      operationId,
      first,
      get confirmation() {
        return (confirmation ??= awaitConfirmation(referenceId, { operationId, ...(timeout === undefined ? {} : { timeoutMs: timeout }) }));
      },
    };
  };

  const receive = confirmationReceiver({ registry, store, mediator, clock, emit, onConfirmation: options.onConfirmation });

  const bron = exchangeBron({
    registry,
    role: providingRole(registry, [...pairs.values()][0]!.confirmation),
    served: Object.fromEntries([...pairs.values()].map((pair) => [pair.confirmation.operationId, receive(pair)])),
    others: options.handlers,
    authenticate: options.authenticate,
    dangerouslyAcceptAnyToken: options.dangerouslyAcceptAnyToken,
    basePath: options.basePath,
    onUnexpectedError: options.onUnexpectedError,
  });

  if (runtime.autoStart) delivery.start();
  return {
    ...bron,
    send,
    awaitConfirmation,
    start: () => delivery.start(),
    async close() {
      mediator.close();
      await delivery.close();
    },
  };
}
