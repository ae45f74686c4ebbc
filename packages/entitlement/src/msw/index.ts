import { createInMemoryExchangeStore, type ExchangeStore } from '@eduvkit/core/exchange';
import { defineApiMsw, type ApiHandlersOptions } from '@eduvkit/core/msw';
import type { HttpHandler } from 'msw';
import { DEFAULT_ENTITLEMENT_BASE_URL } from '../generated/base-url';
import { entitlementApi } from '../generated/registry';
import { createEntitlementOntvanger, type EntitlementOntvangerOptions } from '../exchange/entitlement-ontvanger';

export type { OverrideReply } from '@eduvkit/core/msw';
export { DEFAULT_ENTITLEMENT_BASE_URL };

/** `source` is the receiver's exchange store (read the received entitlements from it); `bron` ontvanger options. */
export type EntitlementHandlersOptions = ApiHandlersOptions<ExchangeStore, Partial<EntitlementOntvangerOptions>>;

const msw = defineApiMsw<typeof entitlementApi, ExchangeStore, Partial<EntitlementOntvangerOptions>>({
  registry: entitlementApi,
  defaultBaseUrl: DEFAULT_ENTITLEMENT_BASE_URL,
  // Receive only, unless told where to confirm: without a confirmationUrl the loops stay off.
  createBron: (store, options) =>
    createEntitlementOntvanger({
      autoStart: options.confirmationUrl !== undefined,
      confirmationUrl: () => undefined,
      process: {
        sendEntitlement: ({ body: { entitlement } }) => ({ entitlementId: entitlement.entitlementId, productId: entitlement.productId, newEntitlementStatus: 'entitled' }),
        changeLicenseStatus: ({ body }) => ({ entitlementId: body.entitlementId, productId: body.productId, newLicenseStatus: body.newLicenseStatus, success: true, status: 0 }),
      },
      ...options,
      store,
    }),
  seededSource: () => createInMemoryExchangeStore(),
});

/** MSW handlers for a Licentieregistratie (or Leermiddelenportaal): `PUT /entitlements` and `/changelicensestatus` answer 202 and are recorded. */
export function entitlementHandlers(options: EntitlementHandlersOptions = {}): HttpHandler[] {
  return msw.handlers(options);
}

/** A one-operation override for `server.use(...)`: answer with this status, body and headers. */
export const entitlementOverride = msw.override;
