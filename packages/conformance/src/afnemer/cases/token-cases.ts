import { failed } from '../../cases/case';
import { bearerTokenOf, type TrafficEntry } from '../traffic';
import { dataCalls, issuedTokens, tokenRequests } from '../afnemer-run';
import { afnemerCode, failedOn, passedWith, verdictOver, type AfnemerCase } from './afnemer-case';
import { assertionProblem, jtiOf } from './client-assertion';

/** Every token request is client credentials with a well-formed private_key_jwt assertion. */
export const tokenAssertionCase: AfnemerCase = {
  id: afnemerCode('TOKEN-ASSERTION'),
  title: 'tokens are obtained with private_key_jwt and a well-formed client assertion',
  severity: 'Kritiek',
  judge(run) {
    const requests = tokenRequests(run);
    if (!requests.length) return failed('the command asked the token endpoint for no access token');
    const seen = new Set<string>();
    const offenders = requests.flatMap((entry) => {
      const why = assertionProblem(entry, run, seen);
      const jti = jtiOf(entry);
      if (jti) seen.add(jti);
      return why ? [{ entry, why }] : [];
    });
    return verdictOver(requests, offenders, 'client credentials with a valid private_key_jwt assertion', 'token requests');
  },
};

/** A token the client still holds is "near expiry" this long before it expires; asking anew then is fine. */
const NEAR_EXPIRY_MS = 60_000;

/** The kit rejected this token as expired (its injected 401): asking a fresh one is right. */
const rejectedTokens = (entries: readonly TrafficEntry[]): Set<string> =>
  new Set(entries.filter((entry) => entry.injected === 'expired-token').flatMap((entry) => bearerTokenOf(entry) ?? []));

/** A new token is asked only when the one held for the same scopes is near expiry or was rejected. */
export const tokenReuseCase: AfnemerCase = {
  id: afnemerCode('TOKEN-REUSE'),
  title: 'an access token is reused until near expiry, not fetched per request',
  severity: 'Hoog',
  judge(run) {
    const tokens = issuedTokens(run);
    if (!tokens.length) return failed('the command got no access token, so reuse cannot be judged');
    const rejected = rejectedTokens(run.traffic);
    const offenders = tokens.flatMap((token, index) => {
      const held = tokens
        .slice(0, index)
        .find(
          (earlier) =>
            earlier.requestedScopes === token.requestedScopes &&
            !rejected.has(earlier.accessToken) &&
            earlier.expiresAt - token.entry.receivedAt > NEAR_EXPIRY_MS,
        );
      if (!held) return [];
      const left = Math.round((held.expiresAt - token.entry.receivedAt) / 1000);
      return [{ entry: token.entry, why: `the token of request #${held.entry.sequence} for the same scopes was still valid for ${left} s` }];
    });
    const calls = dataCalls(run).length;
    if (offenders.length) return failedOn(offenders, tokens.length, 'token requests');
    return passedWith(`${tokens.length} token(s) for ${calls} data calls; a new one only when the one held was rejected or near expiry`);
  },
};
