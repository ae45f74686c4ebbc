import { createOntvanger, type ExchangeRequest, type Ontvanger, type OntvangerOptions, type ProcessContext } from '@eduvkit/core/exchange';
import type { ChangeLicenseStatus, ChangeLicenseStatusConfirmation, EntitlementConfirmation, EntitlementRequest } from '../generated/models';
import { entitlementApi } from '../generated/registry';
import type { Without } from '@eduvkit/core';

/** A received request with its body typed. */
export type ReceivedEntitlementRequest<B> = Omit<ExchangeRequest, 'body'> & { readonly body: B };

/** What a processor returns: the machinery echoes the reference id and fills in the receipt id and processing moment unless given. */
export type EntitlementConfirmationDraft = Without<EntitlementConfirmation, 'entitlementReferenceId' | 'entitlementReceiveId' | 'processedTimestamp'> &
  Partial<Pick<EntitlementConfirmation, 'entitlementReceiveId' | 'processedTimestamp'>>;
export type LicenseStatusConfirmationDraft = Without<
  ChangeLicenseStatusConfirmation,
  'entitlementAndLicenseReferenceId' | 'entitlementAndLicenseReceiveId' | 'processedTimestamp'
> &
  Partial<Pick<ChangeLicenseStatusConfirmation, 'entitlementAndLicenseReceiveId' | 'processedTimestamp'>>;

type Result<C> = C | Promise<C>;

/** One processor per request the receiver handles; a request without one is not served (501). */
export interface EntitlementProcessors {
  sendEntitlement?(request: ReceivedEntitlementRequest<EntitlementRequest>, context: ProcessContext): Result<EntitlementConfirmationDraft>;
  changeLicenseStatus?(request: ReceivedEntitlementRequest<ChangeLicenseStatus>, context: ProcessContext): Result<LicenseStatusConfirmationDraft>;
}

export type EntitlementOntvangerOptions = Omit<OntvangerOptions<typeof entitlementApi>, 'registry' | 'operations' | 'process'> & {
  readonly process: EntitlementProcessors;
};

/** The Licentieregistratie or the Leermiddelenportaal: `createOntvanger` for the Entitlement API with a processor per operation. */
export function createEntitlementOntvanger(options: EntitlementOntvangerOptions): Ontvanger {
  const { process, ...rest } = options;
  const processors = process as Record<string, (request: ExchangeRequest, context: ProcessContext) => Result<object>>;
  return createOntvanger({
    ...rest,
    registry: entitlementApi,
    operations: Object.keys(processors).filter((operationId) => processors[operationId]),
    process: (request, context) => processors[request.operationId]!(request, context) as Result<Record<string, unknown>>,
  });
}
