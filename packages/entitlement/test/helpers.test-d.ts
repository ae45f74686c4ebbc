import { createInMemoryExchangeStore } from '@eduvkit/core/exchange';
import { describe, expectTypeOf, it } from 'vitest';
import {
  createEntitlementOntvanger,
  createEntitlementVerzender,
  type ChangeLicenseStatus,
  type ChangeLicenseStatusConfirmation,
  type EntitlementConfirmation,
} from '../src';

const store = createInMemoryExchangeStore();

describe('the Entitlement helpers are typed per operation', () => {
  it('types each request, with its own reference field, and the confirmation it resolves with', () => {
    const verzender = createEntitlementVerzender({ store, baseUrl: 'https://lr.example/entitlement-api/v0', autoStart: false });
    expectTypeOf(verzender.sendEntitlement)
      .returns.resolves.toHaveProperty('confirmation')
      .resolves.toHaveProperty('body')
      .toEqualTypeOf<EntitlementConfirmation>();
    expectTypeOf(verzender.changeLicenseStatus)
      .returns.resolves.toHaveProperty('confirmation')
      .resolves.toHaveProperty('body')
      .toEqualTypeOf<ChangeLicenseStatusConfirmation>();
    expectTypeOf(verzender.changeLicenseStatus).parameter(0).toHaveProperty('entitlementAndLicenseReferenceId').toEqualTypeOf<string | undefined>();
    // @ts-expect-error the change names the new licence status
    void verzender.changeLicenseStatus({ entitlementId: 'e', productId: 'p', user: {} });
  });

  it('hands each processor its body typed', () => {
    createEntitlementOntvanger({
      store,
      confirmationUrl: () => undefined,
      autoStart: false,
      process: {
        changeLicenseStatus: ({ body }) => {
          expectTypeOf(body).toEqualTypeOf<ChangeLicenseStatus>();
          return { entitlementId: body.entitlementId, productId: body.productId, newLicenseStatus: body.newLicenseStatus, success: true, status: 0 };
        },
      },
    });
  });
});
