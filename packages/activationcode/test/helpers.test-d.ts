import { createInMemoryExchangeStore } from '@eduvkit/core/exchange';
import { describe, expectTypeOf, it } from 'vitest';
import { createActivationcodeOntvanger, createActivationcodeVerzender, type ActivationCodeConfirmation, type ActivationCodeRequest } from '../src';

const store = createInMemoryExchangeStore();

describe('the ActivationCode helpers are typed per operation', () => {
  it('types the request and the confirmation it resolves with', () => {
    const verzender = createActivationcodeVerzender({ store, baseUrl: 'https://lr.example/activationcode-api/v0', autoStart: false });
    expectTypeOf(verzender.requestCodes({ productId: '9789000000005', quantity: 2 }))
      .resolves.toHaveProperty('confirmation')
      .resolves.toHaveProperty('body')
      .toEqualTypeOf<ActivationCodeConfirmation>();
    // @ts-expect-error a revoke names the code
    void verzender.revokeCode({});
  });

  it('hands the processor its body typed and checks what it returns', () => {
    createActivationcodeOntvanger({
      store,
      confirmationUrl: () => undefined,
      autoStart: false,
      process: {
        requestActivationCodes: ({ body }) => {
          expectTypeOf(body).toEqualTypeOf<ActivationCodeRequest>();
          return { productId: body.productId, success: true, status: 0 };
        },
        // @ts-expect-error a revoke confirmation names the code and its outcome
        revokeActivationCode: () => ({ success: true }),
      },
    });
  });
});
