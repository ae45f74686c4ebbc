import type { SchoolRecord } from '@eduvkit/core';
import { createVerzender, type ExchangeConfirmation, type SentHandle, type Verzender, type VerzenderOptions } from '@eduvkit/core/exchange';
import { deliverySourceHandlers } from '../bron/delivery-source-handlers';
import type { DeliverySourceOptions, DeliveryOrderSource } from '../bron/data-source';
import type { DeliveryOrderConfirmation, DeliveryOrderRequest } from '../generated/models';
import { deliveryApi } from '../generated/registry';
import type { Without } from '@eduvkit/core';

/** A request as `send` takes it: the reference id is generated unless given. */
export type DeliveryToSend<T> = Without<T, 'deliveryOrderReferenceId'> & { readonly deliveryOrderReferenceId?: string };

/** A SentHandle whose confirmation body has the confirmation operation's type. */
export interface DeliverySentHandle<C> extends Omit<SentHandle, 'confirmation'> {
  readonly confirmation: Promise<ExchangeConfirmation & { readonly body: C }>;
}

export type DeliveryVerzenderOptions<S extends SchoolRecord = SchoolRecord> = Omit<
  VerzenderOptions<typeof deliveryApi>,
  'registry' | 'operations' | 'handlers'
> &
  DeliverySourceOptions<S> & {
    /** Serves the Delivery GETs (`/deliveryorders/{id}`, `/school`, `/school/user`) from it; without one they answer 501. */
    readonly source?: DeliveryOrderSource<S>;
  };

/** The Bestelomgeving leermiddelen: delivery orders sent, their confirmations received and the GETs served (as a Bron). */
export interface DeliveryVerzender extends Verzender {
  sendDeliveryOrder(request: DeliveryToSend<DeliveryOrderRequest>): Promise<DeliverySentHandle<DeliveryOrderConfirmation>>;
}

/** `createVerzender` for the Delivery API, typed, with the GETs over a source. */
export function createDeliveryVerzender<S extends SchoolRecord>(options: DeliveryVerzenderOptions<S>): DeliveryVerzender {
  const { source, authorize, ...rest } = options;
  const verzender = createVerzender({ ...rest, registry: deliveryApi, ...(source ? { handlers: deliverySourceHandlers(source, { authorize }) } : {}) });
  return {
    ...verzender,
    sendDeliveryOrder: (request) => verzender.send('sendDeliveryOrder', request) as Promise<DeliverySentHandle<DeliveryOrderConfirmation>>,
  };
}
