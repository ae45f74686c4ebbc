import type { ApiRegistry } from '@eduvkit/core';
import type { AsyncCase } from './async-case';
import { isExchangeApi, resolveExchangeApi } from './exchange-apis';
import { ontvangerSuite } from './ontvanger/ontvanger-cases';
import { VERZENDER_CASES } from './verzender/verzender-cases';

export type ExchangeRole = 'ontvanger' | 'verzender';

const exchangeRoleOf = (word: string): ExchangeRole | undefined => {
  const role = word.trim().toLowerCase();
  return role === 'ontvanger' || role === 'verzender' ? role : undefined;
};

/**
 * True when the role word names a party of a melding–bevestiging exchange of this API. For a pull
 * API "ontvanger" stays the testlab's word for the bron (roles.ts).
 */
export const isExchangeRole = (word: string, api: string | ApiRegistry): boolean => exchangeRoleOf(word) !== undefined && isExchangeApi(api);

/** The cases of the ontvanger or verzender suite of a push-asynchronous API. */
export function asyncSuite(api: string | ApiRegistry, word: string): readonly AsyncCase<never>[] {
  const role = exchangeRoleOf(word) ?? 'ontvanger';
  const { pairs } = resolveExchangeApi(api, role);
  return role === 'ontvanger' ? ontvangerSuite(pairs) : VERZENDER_CASES;
}
