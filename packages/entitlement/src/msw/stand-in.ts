import type { ExchangeStore, Ontvanger } from '@eduvkit/core/exchange';
import { createEntitlementOntvanger, type EntitlementOntvangerOptions } from '../exchange/entitlement-ontvanger';

/** Options of the MSW stand-in: the ontvanger's, each optional. */
export type EntitlementStandInOptions = Partial<EntitlementOntvangerOptions>;

/**
 * A Licentieregistratie (or Leermiddelenportaal) behind the MSW handlers: it receives and records every request in `store`
 * and answers with the processors below unless `options.process` gives others. It receives only,
 * unless told where to confirm: without a confirmationUrl the loops stay off.
 */
export function createEntitlementStandIn(store: ExchangeStore, options: EntitlementStandInOptions): Ontvanger {
  return createEntitlementOntvanger({
    autoStart: options.confirmationUrl !== undefined,
    confirmationUrl: () => undefined,
    process: {
      sendEntitlement: ({ body: { entitlement } }) => ({ entitlementId: entitlement.entitlementId, productId: entitlement.productId, newEntitlementStatus: 'entitled' }),
      changeLicenseStatus: ({ body }) => ({ entitlementId: body.entitlementId, productId: body.productId, newLicenseStatus: body.newLicenseStatus, success: true, status: 0 }),
    },
    ...options,
    store,
  });
}
