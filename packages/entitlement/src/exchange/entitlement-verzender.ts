import type { SchoolRecord } from '@eduvkit/core';
import { createVerzender, type ExchangeConfirmation, type SentHandle, type Verzender, type VerzenderOptions } from '@eduvkit/core/exchange';
import { entitlementSourceHandlers } from '../bron/entitlement-source-handlers';
import type { EntitlementSourceOptions, EntitlementSource } from '../bron/data-source';
import type { ChangeLicenseStatus, ChangeLicenseStatusConfirmation, EntitlementConfirmation, EntitlementRequest } from '../generated/models';
import { entitlementApi } from '../generated/registry';
import type { Without } from '@eduvkit/core';

/** A SentHandle whose confirmation body has the confirmation operation's type. */
export interface EntitlementSentHandle<C> extends Omit<SentHandle, 'confirmation'> {
  readonly confirmation: Promise<ExchangeConfirmation & { readonly body: C }>;
}

export type EntitlementVerzenderOptions<S extends SchoolRecord = SchoolRecord> = Omit<
  VerzenderOptions<typeof entitlementApi>,
  'registry' | 'operations' | 'handlers'
> &
  EntitlementSourceOptions<S> & {
    /** Serves the Entitlement GETs from it; without one they answer 501. */
    readonly source?: EntitlementSource<S>;
  };

/**
 * The Aanspraakmanager towards one receiver (a Licentieregistratie or a Leermiddelenportaal):
 * entitlements and licence-status changes sent, their confirmations received, the GETs served.
 */
export interface EntitlementVerzender extends Verzender {
  /** The reference id (`entitlementReferenceId`) is generated unless given. */
  sendEntitlement(
    request: Without<EntitlementRequest, 'entitlementReferenceId'> & { readonly entitlementReferenceId?: string },
  ): Promise<EntitlementSentHandle<EntitlementConfirmation>>;
  /** The reference id (`entitlementAndLicenseReferenceId`) is generated unless given. */
  changeLicenseStatus(
    request: Without<ChangeLicenseStatus, 'entitlementAndLicenseReferenceId'> & { readonly entitlementAndLicenseReferenceId?: string },
  ): Promise<EntitlementSentHandle<ChangeLicenseStatusConfirmation>>;
}

/** `createVerzender` for the Entitlement API, typed, with the GETs over a source. */
export function createEntitlementVerzender<S extends SchoolRecord>(options: EntitlementVerzenderOptions<S>): EntitlementVerzender {
  const { source, authorize, ...rest } = options;
  const verzender = createVerzender({ ...rest, registry: entitlementApi, ...(source ? { handlers: entitlementSourceHandlers(source, { authorize }) } : {}) });
  return {
    ...verzender,
    sendEntitlement: (request) => verzender.send('sendEntitlement', request) as Promise<EntitlementSentHandle<EntitlementConfirmation>>,
    changeLicenseStatus: (request) => verzender.send('changeLicenseStatus', request) as Promise<EntitlementSentHandle<ChangeLicenseStatusConfirmation>>,
  };
}
