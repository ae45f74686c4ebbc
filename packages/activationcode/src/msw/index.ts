import { createInMemoryExchangeStore, type ExchangeStore } from '@eduvkit/core/exchange';
import { defineApiMsw, type ApiHandlersOptions } from '@eduvkit/core/msw';
import type { HttpHandler } from 'msw';
import { DEFAULT_ACTIVATIONCODE_BASE_URL } from '../generated/base-url';
import { activationcodeApi } from '../generated/registry';
import { createActivationcodeOntvanger, type ActivationcodeOntvangerOptions } from '../exchange/activationcode-ontvanger';

export type { OverrideReply } from '@eduvkit/core/msw';
export { DEFAULT_ACTIVATIONCODE_BASE_URL };

/** `source` is the Licentieregistratie's exchange store (read the received requests from it); `bron` ontvanger options. */
export type ActivationcodeHandlersOptions = ApiHandlersOptions<ExchangeStore, Partial<ActivationcodeOntvangerOptions>>;

const msw = defineApiMsw<typeof activationcodeApi, ExchangeStore, Partial<ActivationcodeOntvangerOptions>>({
  registry: activationcodeApi,
  defaultBaseUrl: DEFAULT_ACTIVATIONCODE_BASE_URL,
  // Receive only, unless told where to confirm: without a confirmationUrl the loops stay off.
  createBron: (store, options) =>
    createActivationcodeOntvanger({
      autoStart: options.confirmationUrl !== undefined,
      confirmationUrl: () => undefined,
      process: {
        requestActivationCodes: ({ body }) => ({ productId: body.productId, activationCodes: [], success: false, status: 99, statusMessage: 'No codes in the MSW handlers: pass bron.process' }),
        revokeActivationCode: ({ body }) => ({ activationCode: body.activationCode, success: true, status: 0 }),
      },
      ...options,
      store,
    }),
  seededSource: () => createInMemoryExchangeStore(),
});

/** MSW handlers for the Licentieregistratie: `PUT /activationcodes` and `/activationcodes/revoke` answer 202 and are recorded, like at the mock server. */
export function activationcodeHandlers(options: ActivationcodeHandlersOptions = {}): HttpHandler[] {
  return msw.handlers(options);
}

/** A one-operation override for `server.use(...)`: answer with this status, body and headers. */
export const activationcodeOverride = msw.override;
