import { createInMemoryExchangeStore } from '@eduvkit/core/exchange';
import { describe, expectTypeOf, it } from 'vitest';
import { createOrderOntvanger, createOrderVerzender, type CreditOrderConfirmation, type OrderConfirmation, type OrderRequest } from '../src';

const store = createInMemoryExchangeStore();

describe('the Order helpers are typed per operation', () => {
  it('types the confirmation a sent order resolves with', () => {
    const verzender = createOrderVerzender({ store, baseUrl: 'https://ordersysteem.example/order-api/v0', autoStart: false });
    const order = { purchaseOrderId: 'PO-1', productId: '9789000000000', quantity: 1 };
    expectTypeOf(verzender.placeOrder(order)).resolves.toHaveProperty('confirmation').resolves.toHaveProperty('body').toEqualTypeOf<OrderConfirmation>();
    expectTypeOf(verzender.placeCreditOrder({ purchaseOrderId: 'PO-1' }))
      .resolves.toHaveProperty('confirmation')
      .resolves.toHaveProperty('body')
      .toEqualTypeOf<CreditOrderConfirmation>();
    // @ts-expect-error an order needs its product
    void verzender.placeOrder({ purchaseOrderId: 'PO-1', quantity: 1 });
  });

  it('hands each processor its body typed and checks what it returns', () => {
    createOrderOntvanger({
      store,
      confirmationUrl: () => undefined,
      autoStart: false,
      process: {
        placeOrder: ({ body }) => {
          expectTypeOf(body).toEqualTypeOf<OrderRequest>();
          return { orderStatus: 'approved' };
        },
      },
    });
    createOrderOntvanger({
      store,
      confirmationUrl: () => undefined,
      autoStart: false,
      process: {
        // @ts-expect-error orderStatus is pending, approved or declined
        placeOrder: () => ({ orderStatus: 'accepted' }),
      },
    });
  });
});
