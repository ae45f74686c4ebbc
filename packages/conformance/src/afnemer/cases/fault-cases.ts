import { EduvStatus, parseStatusCode } from '@eduvkit/core';
import { failed, type Verdict } from '../../cases/case';
import { dataCalls, type AfnemerRun } from '../afnemer-run';
import { FAULT_STATUS, RETRY_AFTER_SECONDS } from '../fault-injection';
import { bearerTokenOf, describeEntry, jsonOf, toExchange, type InjectedFault, type TrafficEntry } from '../traffic';
import { afnemerCode, passedWith, skippedWith, type AfnemerCase } from './afnemer-case';

// Timers may fire a few milliseconds early; a client that waited the delay must not fail on that.
const TIMER_TOLERANCE_MS = 50;

const after = (entries: readonly TrafficEntry[], entry: TrafficEntry): TrafficEntry[] => entries.filter((other) => other.sequence > entry.sequence);
const sameRequest = (a: TrafficEntry, b: TrafficEntry): boolean => a.method === b.method && a.url.toString() === b.url.toString() && a.body === b.body;

/** A judge of what followed an injected fault; skipped when the command made too few data calls to meet it. */
function afterFault(fault: InjectedFault, judge: (calls: TrafficEntry[], faulted: TrafficEntry, run: AfnemerRun) => Verdict): (run: AfnemerRun) => Verdict {
  return (run) => {
    const calls = dataCalls(run);
    const faulted = calls.find((entry) => entry.injected === fault);
    if (!faulted) return skippedWith(`the command made fewer data calls than the one that gets the ${FAULT_STATUS[fault]} (${calls.length})`);
    return judge(calls, faulted, run);
  };
}

/** The first data call after the injected 429 comes no sooner than its Retry-After. */
export const retryAfterCase: AfnemerCase = {
  id: afnemerCode('RETRY-AFTER'),
  title: 'Retry-After of a 429 is honoured',
  severity: 'Hoog',
  judge: afterFault('rate-limited', (calls, limited) => {
    const next = after(calls, limited)[0];
    if (!next) return passedWith('the command sent no further data call after the 429', limited);
    const waited = Math.round(next.receivedAt - limited.answeredAt);
    if (waited + TIMER_TOLERANCE_MS < RETRY_AFTER_SECONDS * 1000) {
      return failed(
        `${describeEntry(next)} came ${waited} ms after the 429 of ${describeEntry(limited)}, which asked to wait ${RETRY_AFTER_SECONDS} s`,
        toExchange(next),
      );
    }
    return passedWith(`the next data call came ${waited} ms after the 429 (Retry-After: ${RETRY_AFTER_SECONDS})`, limited);
  }),
};

/** After the injected expired-token 401: one fresh token, then the call again with it. */
export const expiredTokenCase: AfnemerCase = {
  id: afnemerCode('EXPIRED-TOKEN'),
  title: 'after a 401 one fresh token is fetched, then no loop',
  severity: 'Hoog',
  judge: afterFault('expired-token', (calls, rejected, run) => {
    const next = after(calls, rejected)[0];
    const tokenRequests = after(run.traffic, rejected).filter((entry) => entry.kind === 'token' && (!next || entry.sequence < next.sequence));
    if (tokenRequests.length > 1)
      return failed(`after the 401 the command asked ${tokenRequests.length} tokens before its next data call; one is enough`, toExchange(tokenRequests[1]!));
    if (!next)
      return tokenRequests.length
        ? passedWith('after the 401 the command got one fresh token and made no further call', rejected)
        : failed('after the 401 the command neither got a fresh token nor called again', toExchange(rejected));
    if (bearerTokenOf(next) === bearerTokenOf(rejected))
      return failed(`${describeEntry(next)} after the 401 carries the rejected token again`, toExchange(next));
    return passedWith(`after the 401 the command got ${tokenRequests.length} fresh token and called again with it`, rejected);
  }),
};

/**
 * A 503 is temporary: the request it answered is sent again. A command that instead exits 0 has
 * silently done without the data it asked for; one that stops with an error is judged by the exit case.
 */
export const unavailableRetryCase: AfnemerCase = {
  id: afnemerCode('UNAVAILABLE-RETRY'),
  title: 'a request answered 503 is sent again',
  severity: 'Hoog',
  judge: afterFault('unavailable', (calls, unavailable, run) => {
    const retry = after(calls, unavailable).find((entry) => sameRequest(entry, unavailable));
    if (retry)
      return passedWith(`${describeEntry(unavailable)} was sent again ${Math.round(retry.receivedAt - unavailable.answeredAt)} ms after its 503`, unavailable);
    if (run.outcome.exitCode !== 0) return passedWith('the command stopped with an error after the 503 instead of going on without the data', unavailable);
    return failed(
      `${describeEntry(unavailable)} got a 503 and was never sent again, yet the command exited 0: it went on without that data`,
      toExchange(unavailable),
    );
  }),
};

const isConsentRefusal = (entry: TrafficEntry): boolean =>
  !entry.injected &&
  entry.status === 403 &&
  parseStatusCode((jsonOf(entry.responseBody) as { status?: unknown } | undefined)?.status) === EduvStatus.ConsentRequired;

// One retry is tolerated (a generic client may retry once); more is a storm against a refusal that will not change.
const MAX_RETRIES = 1;

/** A 403 / 0022 (no consent) is final: the same request is sent again at most once. */
export const noConsentRetryCase: AfnemerCase = {
  id: afnemerCode('NO-CONSENT-RETRY'),
  title: 'after 403 / 0022 no retry storm (at most one retry)',
  severity: 'Hoog',
  judge(run) {
    const calls = dataCalls(run);
    const refusals = calls.filter(isConsentRefusal);
    if (!refusals.length) return skippedWith('no call got 403 / 0022: the command never called for EDUVKIT_SCHOOL_NO_CONSENT');
    for (const refusal of refusals) {
      const repeats = after(calls, refusal).filter((entry) => sameRequest(entry, refusal));
      if (repeats.length > MAX_RETRIES)
        return failed(`${describeEntry(refusal)} was sent ${repeats.length} more times after its 403 / 0022`, toExchange(repeats.at(-1)!));
    }
    return passedWith(`${refusals.length} call(s) refused with 403 / 0022, none retried more than ${MAX_RETRIES} time`, refusals[0]);
  },
};
