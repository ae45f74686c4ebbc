import type { ExchangeStore, Ontvanger } from '@eduvkit/core/exchange';
import { createActivationcodeOntvanger, type ActivationcodeOntvangerOptions } from '../exchange/activationcode-ontvanger';

/** Options of the MSW stand-in: the ontvanger's, each optional. */
export type ActivationcodeStandInOptions = Partial<ActivationcodeOntvangerOptions>;

/**
 * The Licentieregistratie behind the MSW handlers: it receives and records every request in `store`
 * and answers with the processors below unless `options.process` gives others. It receives only,
 * unless told where to confirm: without a confirmationUrl the loops stay off.
 */
export function createActivationcodeStandIn(store: ExchangeStore, options: ActivationcodeStandInOptions): Ontvanger {
  return createActivationcodeOntvanger({
    autoStart: options.confirmationUrl !== undefined,
    confirmationUrl: () => undefined,
    process: {
      requestActivationCodes: ({ body }) => ({
        productId: body.productId,
        activationCodes: [],
        success: false,
        status: 99,
        statusMessage: 'No codes in the MSW handlers: pass bron.process',
      }),
      revokeActivationCode: ({ body }) => ({ activationCode: body.activationCode, success: true, status: 0 }),
    },
    ...options,
    store,
  });
}
