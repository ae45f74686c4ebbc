import { createInMemoryExchangeStore, type ExchangeStore, type Ontvanger } from '@eduvkit/core/exchange';
import type { BronRequest } from '@eduvkit/core/server';
import type { EntitlementSource } from '../bron/data-source';
import { entitlementSourceHandlers } from '../bron/entitlement-source-handlers';
import { createEntitlementOntvanger, type EntitlementOntvangerOptions } from '../exchange/entitlement-ontvanger';
import { createEntitlementVerzender } from '../exchange/entitlement-verzender';
import { entitlementApi } from '../generated/registry';

/** Options of the MSW stand-in: the ontvanger's, each optional. */
export type EntitlementStandInOptions = Partial<EntitlementOntvangerOptions>;

/** The stand-in's source: the store it records received requests in and, optionally, the entitlements whose GETs it serves. */
export type EntitlementStandInSource = ExchangeStore & { readonly entitlements?: EntitlementSource };

/**
 * A Licentieregistratie (or Leermiddelenportaal) behind the MSW handlers: it receives and records every request in `store`
 * and answers with the processors below unless `options.process` gives others. It receives only,
 * unless told where to confirm: without a confirmationUrl the loops stay off. Given the source's
 * `entitlements` it also plays the Aanspraakmanager, as the mock does (decision 043): it serves the
 * GETs over them and takes `PUT /entitlements/confirmations` as a verzender that has sent nothing
 * (so every confirmation is of an unknown request, decision 012).
 */
export function createEntitlementStandIn(store: EntitlementStandInSource, options: EntitlementStandInOptions): Ontvanger {
  const ontvanger = createEntitlementOntvanger({
    autoStart: options.confirmationUrl !== undefined,
    confirmationUrl: () => undefined,
    process: {
      sendEntitlement: ({ body: { entitlement } }) => ({
        entitlementId: entitlement.entitlementId,
        productId: entitlement.productId,
        newEntitlementStatus: 'entitled',
      }),
      changeLicenseStatus: ({ body }) => ({
        entitlementId: body.entitlementId,
        productId: body.productId,
        newLicenseStatus: body.newLicenseStatus,
        success: true,
        status: 0,
      }),
    },
    ...(store.entitlements ? { handlers: entitlementSourceHandlers(store.entitlements) } : {}),
    ...options,
    store,
  });
  if (!store.entitlements || options.handlers) return ontvanger;
  const aanspraakmanager = createEntitlementVerzender({
    store: createInMemoryExchangeStore(),
    requestUrl: () => undefined,
    autoStart: false,
    ...(options.authenticate ? { authenticate: options.authenticate } : {}),
    ...(options.dangerouslyAcceptAnyToken !== undefined ? { dangerouslyAcceptAnyToken: options.dangerouslyAcceptAnyToken } : {}),
    ...(options.basePath !== undefined ? { basePath: options.basePath } : {}),
  });
  const confirmations = `${ontvanger.basePath}${entitlementApi.operations.confirmEntitlement.path}`;
  const party = (request: Pick<BronRequest, 'method' | 'url'>) =>
    request.method === entitlementApi.operations.confirmEntitlement.method && new URL(request.url).pathname === confirmations ? aanspraakmanager : ontvanger;
  return {
    ...ontvanger,
    handle: (request) => party(request).handle(request),
    answer: (request) => party(request).answer(request),
    close: async () => {
      await Promise.all([ontvanger.close(), aanspraakmanager.close()]);
    },
  };
}
