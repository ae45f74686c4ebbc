import type { ExchangeStore, Ontvanger } from '@eduvkit/core/exchange';
import { createUsageOntvanger, type UsageOntvangerOptions } from '../exchange/usage-ontvanger';

/** Options of the MSW stand-in: the ontvanger's, each optional. */
export type UsageStandInOptions = Partial<UsageOntvangerOptions>;

/**
 * The Aanspraakmanager behind the MSW handlers: it receives and records every request in `store`
 * and answers with the processors below unless `options.process` gives others. It receives only,
 * unless told where to confirm: without a confirmationUrl the loops stay off.
 */
export function createUsageStandIn(store: ExchangeStore, options: UsageStandInOptions): Ontvanger {
  return createUsageOntvanger({
    autoStart: options.confirmationUrl !== undefined,
    confirmationUrl: () => undefined,
    process: { reportInitialActivation: ({ body }) => ({ entitlementId: body.entitlementId, productId: body.productId, newEntitlementStatus: 'licensed' }) },
    ...options,
    store,
  });
}
