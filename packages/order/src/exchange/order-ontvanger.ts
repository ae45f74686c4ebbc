import { createOntvanger, type ExchangeRequest, type Ontvanger, type OntvangerOptions, type ProcessContext } from '@eduvkit/core/exchange';
import type { CreditOrderConfirmation, CreditOrderRequest, OrderConfirmation, OrderRequest } from '../generated/models';
import { orderApi } from '../generated/registry';
import type { Without } from '@eduvkit/core';

/** A received request with its body typed. */
export type ReceivedOrderRequest<B> = Omit<ExchangeRequest, 'body'> & { readonly body: B };

/** What `process` returns: the machinery echoes the reference id and fills in the receipt id and processing moment unless given. */
export type OrderConfirmationDraft<C> = Without<C, 'requestReferenceId' | 'responseReferenceId' | 'processedTimestamp'> & {
  readonly [P in 'responseReferenceId' | 'processedTimestamp']?: string;
};

type Result<C> = OrderConfirmationDraft<C> | Promise<OrderConfirmationDraft<C>>;

/** One processor per request the Ordersysteem handles; a request without one is not served (501). */
export interface OrderProcessors {
  placeOrder?(request: ReceivedOrderRequest<OrderRequest>, context: ProcessContext): Result<OrderConfirmation>;
  placeCreditOrder?(request: ReceivedOrderRequest<CreditOrderRequest>, context: ProcessContext): Result<CreditOrderConfirmation>;
}

export type OrderOntvangerOptions = Omit<OntvangerOptions<typeof orderApi>, 'registry' | 'operations' | 'process' | 'handlers'> & {
  readonly process: OrderProcessors;
};

/** The Ordersysteem leermiddelen: `createOntvanger` for the Order API with a processor per operation. */
export function createOrderOntvanger(options: OrderOntvangerOptions): Ontvanger {
  const { process, ...rest } = options;
  const processors = process as Record<string, (request: ExchangeRequest, context: ProcessContext) => Result<object>>;
  return createOntvanger({
    ...rest,
    registry: orderApi,
    operations: Object.keys(processors).filter((operationId) => processors[operationId]),
    process: (request, context) => processors[request.operationId]!(request, context) as Result<Record<string, unknown>>,
  });
}
