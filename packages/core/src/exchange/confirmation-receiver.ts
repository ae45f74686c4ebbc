import type { ApiRegistry } from '../registry';
import type { OperationInput } from '../server/bron';
import { BronError } from '../server/bron-error';
import { EduvStatus } from '../status-codes';
import type { ConfirmationMediator } from './confirmation-mediator';
import type { ExchangeEvent } from './events';
import { requireReference, sentKey, type ExchangePair } from './exchange-operations';
import type { ExchangeStore } from './store';

export interface ConfirmationReceiverParts {
  readonly registry: ApiRegistry;
  readonly store: ExchangeStore;
  readonly mediator: ConfirmationMediator;
  readonly clock: () => Date;
  readonly emit: (event: ExchangeEvent) => void;
}

/**
 * The verzender's handler of one confirmation operation: matches the confirmation to the request
 * sent with its reference id (a repeat is accepted and counted), wakes whoever awaits it, and
 * refuses one for a reference id never sent.
 */
export const confirmationReceiver =
  ({ registry, store, mediator, clock, emit }: ConfirmationReceiverParts) =>
  (pair: ExchangePair) =>
  async (input: OperationInput): Promise<undefined> => {
    const facts = pair.confirmation.exchange;
    const referenceId = requireReference(input.body, facts);
    const key = sentKey(registry.api, pair.request.operationId, referenceId);
    const outcome = await store.receiveConfirmation(key, input.body, clock());
    if (outcome.outcome === 'unknown') {
      emit({ type: 'unknown-confirmation', api: registry.api, operationId: pair.confirmation.operationId, referenceId, ...(input.caller.clientId ? { caller: input.caller.clientId } : {}) });
      // eduvkit's choice (decision 012): Edu-V publishes no refusal for an unknown reference id here.
      throw new BronError(400, EduvStatus.Other, `${facts.reference} unknown: no ${pair.request.operationId} request was sent with reference id ${referenceId.slice(0, 100)}`);
    }
    emit({ type: 'confirmed', key, repeated: outcome.outcome === 'repeat' });
    mediator.notify(outcome.sent);
    return undefined;
  };
