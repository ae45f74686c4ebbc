import { createInMemoryExchangeStore, type ExchangeStore } from '@eduvkit/core/exchange';
import { defineApiMsw, type ApiHandlersOptions } from '@eduvkit/core/msw';
import type { HttpHandler } from 'msw';
import { DEFAULT_USAGE_BASE_URL } from '../generated/base-url';
import { usageApi } from '../generated/registry';
import { createUsageOntvanger, type UsageOntvangerOptions } from '../exchange/usage-ontvanger';

export type { OverrideReply } from '@eduvkit/core/msw';
export { DEFAULT_USAGE_BASE_URL };

/** `source` is the Aanspraakmanager's exchange store (read the received first uses from it); `bron` ontvanger options. */
export type UsageHandlersOptions = ApiHandlersOptions<ExchangeStore, Partial<UsageOntvangerOptions>>;

const msw = defineApiMsw<typeof usageApi, ExchangeStore, Partial<UsageOntvangerOptions>>({
  registry: usageApi,
  defaultBaseUrl: DEFAULT_USAGE_BASE_URL,
  // Receive only, unless told where to confirm: without a confirmationUrl the loops stay off.
  createBron: (store, options) =>
    createUsageOntvanger({
      autoStart: options.confirmationUrl !== undefined,
      confirmationUrl: () => undefined,
      process: { reportInitialActivation: ({ body }) => ({ entitlementId: body.entitlementId, productId: body.productId, newEntitlementStatus: 'licensed' }) },
      ...options,
      store,
    }),
  seededSource: () => createInMemoryExchangeStore(),
});

/** MSW handlers for the Aanspraakmanager: `PUT /usage/activation` answers 202 and is recorded, like at the mock server. */
export function usageHandlers(options: UsageHandlersOptions = {}): HttpHandler[] {
  return msw.handlers(options);
}

/** A one-operation override for `server.use(...)`: answer with this status, body and headers. */
export const usageOverride = msw.override;
