import { createOntvanger, type ExchangeRequest, type Ontvanger, type OntvangerOptions, type ProcessContext } from '@eduvkit/core/exchange';
import type { DeliveryOrderConfirmation, DeliveryOrderRequest } from '../generated/models';
import { deliveryApi } from '../generated/registry';
import type { Without } from '@eduvkit/core';

/** A received request with its body typed. */
export type ReceivedDeliveryRequest<B> = Omit<ExchangeRequest, 'body'> & { readonly body: B };

/** What `process` returns: the machinery echoes the reference id and fills in the receipt id and processing moment unless given. */
export type DeliveryConfirmationDraft<C> = Without<C, 'deliveryOrderReferenceId' | 'deliveryOrderReceiveId' | 'processedTimestamp'> & {
  readonly [P in 'deliveryOrderReceiveId' | 'processedTimestamp']?: string;
};

type Result<C> = DeliveryConfirmationDraft<C> | Promise<DeliveryConfirmationDraft<C>>;

/** The processor of the Aanspraakmanager. */
export interface DeliveryProcessors {
  sendDeliveryOrder(request: ReceivedDeliveryRequest<DeliveryOrderRequest>, context: ProcessContext): Result<DeliveryOrderConfirmation>;
}

export type DeliveryOntvangerOptions = Omit<OntvangerOptions<typeof deliveryApi>, 'registry' | 'operations' | 'process'> & {
  readonly process: DeliveryProcessors;
};

/** The Aanspraakmanager: `createOntvanger` for the Delivery API with a typed processor. */
export function createDeliveryOntvanger(options: DeliveryOntvangerOptions): Ontvanger {
  const { process, ...rest } = options;
  return createOntvanger({
    ...rest,
    registry: deliveryApi,
    process: (request, context) =>
      process.sendDeliveryOrder(request as ReceivedDeliveryRequest<DeliveryOrderRequest>, context) as Result<Record<string, unknown>>,
  });
}
