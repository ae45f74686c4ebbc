import { createOntvanger, type ExchangeRequest, type Ontvanger, type OntvangerOptions, type ProcessContext } from '@eduvkit/core/exchange';
import type { ActivationCodeConfirmation, ActivationCodeRequest, ActivationCodeRevokeConfirmation, ActivationCodeRevokeRequest } from '../generated/models';
import { activationcodeApi } from '../generated/registry';
import type { Without } from '@eduvkit/core';

/** A received request with its body typed. */
export type ReceivedActivationcodeRequest<B> = Omit<ExchangeRequest, 'body'> & { readonly body: B };

/** What `process` returns: the machinery echoes the reference id and fills in the receipt id and processing moment unless given. */
export type ActivationcodeConfirmationDraft<C> = Without<C, 'requestReferenceId' | 'responseReferenceId' | 'processedTimestamp'> & {
  readonly [P in 'responseReferenceId' | 'processedTimestamp']?: string;
};

type Result<C> = ActivationcodeConfirmationDraft<C> | Promise<ActivationcodeConfirmationDraft<C>>;

/** One processor per request the Licentieregistratie handles; a request without one is not served (501). */
export interface ActivationcodeProcessors {
  requestActivationCodes?(request: ReceivedActivationcodeRequest<ActivationCodeRequest>, context: ProcessContext): Result<ActivationCodeConfirmation>;
  revokeActivationCode?(request: ReceivedActivationcodeRequest<ActivationCodeRevokeRequest>, context: ProcessContext): Result<ActivationCodeRevokeConfirmation>;
}

export type ActivationcodeOntvangerOptions = Omit<OntvangerOptions<typeof activationcodeApi>, 'registry' | 'operations' | 'process' | 'handlers'> & {
  readonly process: ActivationcodeProcessors;
};

/** The Licentieregistratie: `createOntvanger` for the ActivationCode API with a processor per operation. */
export function createActivationcodeOntvanger(options: ActivationcodeOntvangerOptions): Ontvanger {
  const { process, ...rest } = options;
  const processors = process as Record<string, (request: ExchangeRequest, context: ProcessContext) => Result<object>>;
  return createOntvanger({
    ...rest,
    registry: activationcodeApi,
    operations: Object.keys(processors).filter((operationId) => processors[operationId]),
    process: (request, context) => processors[request.operationId]!(request, context) as Result<Record<string, unknown>>,
  });
}
