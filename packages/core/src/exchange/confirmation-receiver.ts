import type { ApiRegistry } from '../registry';
import type { OperationInput } from '../server/bron';
import { BronError } from '../server/bron-error';
import { EduvStatus } from '../status-codes';
import type { ConfirmationMediator } from './confirmation-mediator';
import type { ExchangeEvent } from './events';
import { requireReference, sentKey, type ExchangePair } from './exchange-operations';
import type { ExchangeStore } from './store';

/** Every confirmation a verzender accepted, the first and each one after it (a later status, a repeat). */
export interface ReceivedConfirmation {
  readonly referenceId: string;
  /** The request operation (`placeOrder`, …). */
  readonly operationId: string;
  readonly body: unknown;
  /** False for a confirmation after the first: the Event Mediator keeps the first, this one is only passed on. */
  readonly first: boolean;
  /** The client id of the ontvanger that sent it, when its token named one. */
  readonly from?: string;
}

export interface ConfirmationReceiverParts {
  readonly registry: ApiRegistry;
  readonly store: ExchangeStore;
  readonly mediator: ConfirmationMediator;
  readonly clock: () => Date;
  readonly emit: (event: ExchangeEvent) => void;
  readonly onConfirmation?: ((confirmation: ReceivedConfirmation) => void | Promise<void>) | undefined;
}

/**
 * The verzender's handler of one confirmation operation: matches the confirmation to the request
 * sent with its reference id (a repeat is accepted and counted), wakes whoever awaits it, and
 * refuses one for a reference id never sent.
 */
export const confirmationReceiver =
  ({ registry, store, mediator, clock, emit, onConfirmation }: ConfirmationReceiverParts) =>
  (pair: ExchangePair) =>
  async (input: OperationInput): Promise<undefined> => {
    const facts = pair.confirmation.exchange;
    const referenceId = requireReference(input.body, facts);
    const key = sentKey(registry.api, pair.request.operationId, referenceId);
    const outcome = await store.receiveConfirmation(key, input.body, clock());
    if (outcome.outcome === 'unknown') {
      emit({
        type: 'unknown-confirmation',
        api: registry.api,
        operationId: pair.confirmation.operationId,
        referenceId,
        ...(input.caller.clientId ? { caller: input.caller.clientId } : {}),
      });
      // eduvkit's choice (decision 012): Edu-V publishes no refusal for an unknown reference id here.
      throw new BronError(
        400,
        EduvStatus.Other,
        `${facts.reference} unknown: no ${pair.request.operationId} request was sent with reference id ${referenceId.slice(0, 100)}`,
      );
    }
    emit({ type: 'confirmed', key, repeated: outcome.outcome === 'repeat' });
    mediator.notify(outcome.sent);
    // Awaited before the 202. A hook that throws gives the ontvanger a 500; it sends the confirmation
    // again, which then arrives as a repeat (first: false): the store already holds the first.
    await onConfirmation?.({
      referenceId,
      operationId: pair.request.operationId,
      body: input.body,
      first: outcome.outcome === 'first',
      ...(input.caller.clientId ? { from: input.caller.clientId } : {}),
    });
    return undefined;
  };
