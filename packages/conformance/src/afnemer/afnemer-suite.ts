import type { ApiRegistry } from '@eduvkit/core';
import { notificationsApi } from '@eduvkit/notifications';
import type { AfnemerCase } from './cases/afnemer-case';
import { exitCase } from './cases/exit';
import { expiredTokenCase, noConsentRetryCase, retryAfterCase, unavailableRetryCase } from './cases/fault-cases';
import { notifiedFetchCase } from './cases/notified-fetch';
import { acceptCase, roleEndpointsCase, schoolCase, scopesCase } from './cases/request-cases';
import { tokenAssertionCase, tokenReuseCase } from './cases/token-cases';

/** The cases of every afnemer suite: they judge how a client calls, whatever it calls. */
export const AFNEMER_CASES: readonly AfnemerCase[] = [
  exitCase,
  tokenAssertionCase,
  tokenReuseCase,
  scopesCase,
  acceptCase,
  schoolCase,
  roleEndpointsCase,
  retryAfterCase,
  unavailableRetryCase,
  noConsentRetryCase,
  expiredTokenCase,
];

/** An API's afnemer suite: the common cases, and for Notifications that notified objects are fetched. */
export function afnemerSuite(registry: ApiRegistry): AfnemerCase[] {
  return registry.api === notificationsApi.api ? [...AFNEMER_CASES, notifiedFetchCase] : [...AFNEMER_CASES];
}
