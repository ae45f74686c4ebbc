import type { AfnemerCase } from './cases/afnemer-case';
import { exitCase } from './cases/exit';
import { expiredTokenCase, noConsentRetryCase, retryAfterCase } from './cases/fault-cases';
import { acceptCase, roleEndpointsCase, schoolCase, scopesCase } from './cases/request-cases';
import { tokenAssertionCase, tokenReuseCase } from './cases/token-cases';

/** The afnemer suite, the same for every API: it judges how a client calls, whatever it calls. */
export const AFNEMER_CASES: readonly AfnemerCase[] = [
  exitCase,
  tokenAssertionCase,
  tokenReuseCase,
  scopesCase,
  acceptCase,
  schoolCase,
  roleEndpointsCase,
  retryAfterCase,
  noConsentRetryCase,
  expiredTokenCase,
];
