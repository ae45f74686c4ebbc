import { createOntvanger, type ExchangeRequest, type Ontvanger, type OntvangerOptions, type ProcessContext } from '@eduvkit/core/exchange';
import type { InitialActivation, InitialActivationConfirmation } from '../generated/models';
import { usageApi } from '../generated/registry';
import type { Without } from '@eduvkit/core';

/** A received request with its body typed. */
export type ReceivedUsageRequest<B> = Omit<ExchangeRequest, 'body'> & { readonly body: B };

/** What the processor returns: the machinery echoes the reference id and fills in the receipt id and processing moment unless given. */
export type InitialActivationConfirmationDraft = Without<InitialActivationConfirmation, 'requestReferenceId' | 'responseReferenceId' | 'processedTimestamp'> &
  Partial<Pick<InitialActivationConfirmation, 'responseReferenceId' | 'processedTimestamp'>>;

/** The processor of the Aanspraakmanager. */
export interface UsageProcessors {
  reportInitialActivation(
    request: ReceivedUsageRequest<InitialActivation>,
    context: ProcessContext,
  ): InitialActivationConfirmationDraft | Promise<InitialActivationConfirmationDraft>;
}

export type UsageOntvangerOptions = Omit<OntvangerOptions<typeof usageApi>, 'registry' | 'operations' | 'process'> & {
  readonly process: UsageProcessors;
};

/** The Aanspraakmanager: `createOntvanger` for the Usage API with a typed processor. */
export function createUsageOntvanger(options: UsageOntvangerOptions): Ontvanger {
  const { process, ...rest } = options;
  return createOntvanger({
    ...rest,
    registry: usageApi,
    process: (request, context) => process.reportInitialActivation(request as ReceivedUsageRequest<InitialActivation>, context),
  });
}
