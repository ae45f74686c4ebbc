import { EduvStatus } from '@eduvkit/core';
import { statusAnswer, toResponse } from '@eduvkit/core/server';
import type { InjectedFault } from './traffic';

/** Seconds the injected 429 asks the client to wait. */
export const RETRY_AFTER_SECONDS = 2;

/**
 * Which data call (1-based, counting every request to an API base path) the kit answers itself
 * instead of the mock. Spaced out so a client that retries each one once still meets the next
 * fault on a fresh request, and the first call always reaches the mock.
 */
export const FAULT_PLAN: Readonly<Record<number, InjectedFault>> = {
  2: 'rate-limited',
  4: 'unavailable',
  6: 'expired-token',
};

/** The HTTP status the kit answers for each fault. */
export const FAULT_STATUS: Readonly<Record<InjectedFault, number>> = {
  'rate-limited': 429,
  unavailable: 503,
  'expired-token': 401,
};

export function faultFor(dataCall: number): InjectedFault | undefined {
  return FAULT_PLAN[dataCall];
}

export function faultResponse(fault: InjectedFault, apiVersion: string): Response {
  switch (fault) {
    case 'rate-limited':
      return toResponse(
        statusAnswer(apiVersion, FAULT_STATUS['rate-limited'], EduvStatus.Other, 'too many requests: try again after the Retry-After delay', {
          'retry-after': String(RETRY_AFTER_SECONDS),
        }),
      );
    case 'unavailable':
      return toResponse(statusAnswer(apiVersion, FAULT_STATUS.unavailable, EduvStatus.Other, 'service unavailable for a moment: try again later'));
    case 'expired-token':
      return toResponse(
        statusAnswer(apiVersion, FAULT_STATUS['expired-token'], EduvStatus.Other, 'the access token has expired', {
          'www-authenticate': 'Bearer error="invalid_token", error_description="the access token has expired"',
        }),
      );
  }
}
