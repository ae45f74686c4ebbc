import { createInMemoryExchangeStore } from '@eduvkit/core/exchange';
import { describe, expectTypeOf, it } from 'vitest';
import { createUsageOntvanger, createUsageVerzender, type InitialActivation, type InitialActivationConfirmation } from '../src';

const store = createInMemoryExchangeStore();

describe('the Usage helpers are typed', () => {
  it('types the first use and the confirmation it resolves with', () => {
    const verzender = createUsageVerzender({ store, baseUrl: 'https://am.example/usage-api/v1', autoStart: false });
    expectTypeOf(verzender.reportInitialActivation)
      .returns.resolves.toHaveProperty('confirmation')
      .resolves.toHaveProperty('body')
      .toEqualTypeOf<InitialActivationConfirmation>();
    // @ts-expect-error a first use names its user
    void verzender.reportInitialActivation({ entitlementId: 'e', productId: 'p', entitlementType: 'school-student' });
  });

  it('hands the processor its body typed and checks what it returns', () => {
    const base = { store, confirmationUrl: () => undefined, autoStart: false };
    createUsageOntvanger({
      ...base,
      process: {
        reportInitialActivation: ({ body }) => {
          expectTypeOf(body).toEqualTypeOf<InitialActivation>();
          return { entitlementId: body.entitlementId, productId: body.productId, newEntitlementStatus: 'licensed' };
        },
      },
    });
    createUsageOntvanger({
      ...base,
      process: {
        // @ts-expect-error licensed, not activated
        reportInitialActivation: ({ body }) => ({ entitlementId: body.entitlementId, productId: body.productId, newEntitlementStatus: 'activated' }),
      },
    });
  });
});
