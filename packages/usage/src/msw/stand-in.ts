import type { ExchangeStore, Ontvanger } from '@eduvkit/core/exchange';
import type { UsageSource } from '../bron/data-source';
import { usageSourceHandlers } from '../bron/usage-source-handlers';
import { createUsageOntvanger, type UsageOntvangerOptions } from '../exchange/usage-ontvanger';

/** Options of the MSW stand-in: the ontvanger's, each optional. */
export type UsageStandInOptions = Partial<UsageOntvangerOptions>;

/** The stand-in's source: the store it records received requests in and, optionally, the usage whose GETs it serves. */
export type UsageStandInSource = ExchangeStore & { readonly usage?: UsageSource };

/**
 * The Aanspraakmanager behind the MSW handlers: it receives and records every request in `store`
 * and answers with the processors below unless `options.process` gives others. It receives only,
 * unless told where to confirm: without a confirmationUrl the loops stay off. Given the source's
 * `usage` it also serves the Licentieregistratie's GETs over it, as the mock does (decision 043).
 */
export function createUsageStandIn(store: UsageStandInSource, options: UsageStandInOptions): Ontvanger {
  return createUsageOntvanger({
    autoStart: options.confirmationUrl !== undefined,
    confirmationUrl: () => undefined,
    process: { reportInitialActivation: ({ body }) => ({ entitlementId: body.entitlementId, productId: body.productId, newEntitlementStatus: 'licensed' }) },
    ...(store.usage ? { handlers: usageSourceHandlers(store.usage) } : {}),
    ...options,
    store,
  });
}
