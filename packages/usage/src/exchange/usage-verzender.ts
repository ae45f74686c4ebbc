import type { SchoolRecord } from '@eduvkit/core';
import { createVerzender, type ExchangeConfirmation, type SentHandle, type Verzender, type VerzenderOptions } from '@eduvkit/core/exchange';
import type { UsageSource, UsageSourceOptions } from '../bron/data-source';
import { usageSourceHandlers } from '../bron/usage-source-handlers';
import type { InitialActivation, InitialActivationConfirmation } from '../generated/models';
import { usageApi } from '../generated/registry';
import type { Without } from '@eduvkit/core';

/** A SentHandle whose confirmation body has the confirmation operation's type. */
export interface UsageSentHandle<C> extends Omit<SentHandle, 'confirmation'> {
  readonly confirmation: Promise<ExchangeConfirmation & { readonly body: C }>;
}

export type UsageVerzenderOptions<S extends SchoolRecord = SchoolRecord> = Omit<VerzenderOptions<typeof usageApi>, 'registry' | 'operations' | 'handlers'> &
  UsageSourceOptions<S> & {
    /** Serves the Usage GETs from it; without one they answer 501. */
    readonly source?: UsageSource<S>;
  };

/** The Licentieregistratie: first use reported to the Aanspraakmanager, its confirmations received, the GETs served (as a Bron). */
export interface UsageVerzender extends Verzender {
  /** The reference id (`requestReferenceId`) is generated unless given. */
  reportInitialActivation(
    activation: Without<InitialActivation, 'requestReferenceId'> & { readonly requestReferenceId?: string },
  ): Promise<UsageSentHandle<InitialActivationConfirmation>>;
}

/** `createVerzender` for the Usage API, typed, with the GETs over a source. */
export function createUsageVerzender<S extends SchoolRecord>(options: UsageVerzenderOptions<S>): UsageVerzender {
  const { source, authorize, ...rest } = options;
  const verzender = createVerzender({ ...rest, registry: usageApi, ...(source ? { handlers: usageSourceHandlers(source, { authorize }) } : {}) });
  return {
    ...verzender,
    reportInitialActivation: (activation) => verzender.send('reportInitialActivation', activation) as Promise<UsageSentHandle<InitialActivationConfirmation>>,
  };
}
