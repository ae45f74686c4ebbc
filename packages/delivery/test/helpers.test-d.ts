import { createInMemoryExchangeStore } from '@eduvkit/core/exchange';
import { describe, expectTypeOf, it } from 'vitest';
import { createDeliveryOntvanger, createDeliveryVerzender, type DeliveryOrderConfirmation, type DeliveryOrderRequest } from '../src';

const store = createInMemoryExchangeStore();

describe('the Delivery helpers are typed', () => {
  it('types the request and the confirmation it resolves with', () => {
    const verzender = createDeliveryVerzender({ store, baseUrl: 'https://am.example/delivery-api/v2', autoStart: false });
    expectTypeOf(verzender.sendDeliveryOrder).parameter(0).toHaveProperty('deliveryOrder');
    expectTypeOf(verzender.sendDeliveryOrder)
      .returns.resolves.toHaveProperty('confirmation')
      .resolves.toHaveProperty('body')
      .toEqualTypeOf<DeliveryOrderConfirmation>();
    // @ts-expect-error the message carries its delivery order
    void verzender.sendDeliveryOrder({});
  });

  it('hands the processor its body typed and checks what it returns', () => {
    const base = { store, confirmationUrl: () => undefined, autoStart: false };
    createDeliveryOntvanger({
      ...base,
      process: {
        sendDeliveryOrder: ({ body }) => {
          expectTypeOf(body).toEqualTypeOf<DeliveryOrderRequest>();
          return { deliveryOrderId: body.deliveryOrder.deliveryOrderId, productId: body.deliveryOrder.productId, success: true, status: 0 };
        },
      },
    });
    createDeliveryOntvanger({
      ...base,
      process: {
        // @ts-expect-error the confirmation names the delivery order, product and outcome
        sendDeliveryOrder: () => ({ success: true }),
      },
    });
  });
});
