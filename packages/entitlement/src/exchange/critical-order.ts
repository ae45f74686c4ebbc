import type { ExchangeConfirmation } from '@eduvkit/core/exchange';
import type { EntitlementConfirmation, EntitlementRequest } from '../generated/models';
import type { EntitlementVerzender } from './entitlement-verzender';
import type { Without } from '@eduvkit/core';

type Confirmed = ExchangeConfirmation & { readonly body: EntitlementConfirmation };

export interface CriticalOrderOutcome {
  /** The Licentieregistratie's confirmation, received before the portal was sent anything. */
  readonly registered: Confirmed;
  readonly shown: Confirmed;
}

/**
 * Sends one entitlement to the Licentieregistratie and, only once it confirmed, to the
 * Leermiddelenportaal: the critical order of the orchestrated exchange (conventions §12.8). Each
 * receiver gets its own reference id. The order is kept in this call, not in the store: after a
 * restart between the two, call it again with the same `entitlementReferenceId` (the
 * Licentieregistratie's half is then idempotent; the portal's gets a new reference id).
 */
export async function sendInCriticalOrder(
  toRegistry: EntitlementVerzender,
  toPortal: EntitlementVerzender,
  request: Without<EntitlementRequest, 'entitlementReferenceId'> & { readonly entitlementReferenceId?: string },
): Promise<CriticalOrderOutcome> {
  const registered = await (await toRegistry.sendEntitlement(request)).confirmation;
  const { entitlementReferenceId: _ownPerReceiver, ...toShow } = request;
  const shown = await (await toPortal.sendEntitlement(toShow)).confirmation;
  return { registered, shown };
}
