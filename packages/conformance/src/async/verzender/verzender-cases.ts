import { isDeepStrictEqual } from 'node:util';
import { failedOn, passedWith, skippedWith } from '../../afnemer/cases/afnemer-case';
import { judgeExit } from '../../afnemer/cases/exit';
import { describeEntry, toExchange } from '../../afnemer/traffic';
import { eduvStatusOf, failed, judge, passed, skipped } from '../../cases/case';
import { asyncCode, type AsyncCase } from '../async-case';
import { sentRequests, type SentRequest, type VerzenderRun } from './verzender-run';

/** The body without its reference id: what a retry and the request it repeats have in common. */
function withoutReference(request: SentRequest): unknown {
  if (typeof request.body !== 'object' || request.body === null) return request.body;
  const { [request.pair.request.exchange.reference]: _reference, ...rest } = request.body as Record<string, unknown>;
  return rest;
}

type VerzenderCase = AsyncCase<VerzenderRun>;
const code = (check: string): string => asyncCode('verzender', check);

const exit: VerzenderCase = { id: code('EXIT'), title: 'the command exits 0 within the timeout', severity: 'Kritiek', run: judgeExit };

const sent: VerzenderCase = {
  id: code('SENT'),
  title: 'the command sends at least one request to the ontvanger',
  severity: 'Kritiek',
  run(run) {
    const requests = sentRequests(run);
    return requests.length
      ? passedWith(`${requests.length} requests arrived`, requests[0]!.entry)
      : failed(`no request reached a request endpoint under ${run.registry.basePath} (EDUVKIT_BASE_URL)`);
  },
};

const freshReference: VerzenderCase = {
  id: code('FRESH-REFERENCE'),
  title: 'every new request carries a reference id of its own',
  severity: 'Kritiek',
  run(run) {
    const requests = sentRequests(run);
    if (!requests.length) return skipped('the command sent no requests');
    const offenders = requests.flatMap((request) => {
      const earlier = requests.find(
        (other) =>
          other.entry.sequence < request.entry.sequence &&
          other.pair === request.pair &&
          other.referenceId === request.referenceId &&
          !isDeepStrictEqual(other.body, request.body),
      );
      return earlier
        ? [
            {
              entry: request.entry,
              why: `${request.pair.request.exchange.reference} ${String(request.referenceId)} was used by ${describeEntry(earlier.entry)} for a different request`,
            },
          ]
        : [];
    });
    if (offenders.length) return failedOn(offenders, requests.length);
    return passed(
      `${new Set(requests.map((request) => `${request.pair.request.operationId} ${String(request.referenceId)}`)).size} reference ids over ${requests.length} requests, none reused for a different body`,
    );
  },
};

const validBodies: VerzenderCase = {
  id: code('VALID-BODY'),
  title: 'every request body matches its schema',
  severity: 'Kritiek',
  run(run) {
    const requests = sentRequests(run);
    if (!requests.length) return skipped('the command sent no requests');
    const offenders = requests.flatMap((request) => {
      const checked = request.pair.request.body?.safeParse(request.body);
      return checked && !checked.success
        ? [{ entry: request.entry, why: checked.error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`).join('; ') }]
        : [];
    });
    return offenders.length ? failedOn(offenders, requests.length) : passed(`all ${requests.length} request bodies are valid`);
  },
};

const retryKeepsReference: VerzenderCase = {
  id: code('RETRY-SAME-REFERENCE'),
  title: 'a request answered 503 is sent again with the same reference id',
  severity: 'Hoog',
  run(run) {
    const requests = sentRequests(run);
    const refused = requests.find((request) => request.entry.injected);
    if (!refused) return skipped('the command sent no request for the kit to answer 503');
    const sameRequest = (request: SentRequest) => isDeepStrictEqual(withoutReference(request), withoutReference(refused));
    const retries = requests.filter((request) => request.entry.sequence > refused.entry.sequence && request.pair === refused.pair && sameRequest(request));
    const retry = retries.find((request) => request.referenceId === refused.referenceId);
    if (!retry && retries[0]) {
      return failed(
        `the retry ${describeEntry(retries[0].entry)} carries ${String(retries[0].referenceId)}, the refused request ${String(refused.referenceId)}: a retry must keep the reference id`,
        toExchange(retries[0].entry),
      );
    }
    if (!retry) return failed(`${describeEntry(refused.entry)} was never sent again`, toExchange(refused.entry));
    return passedWith(`sent again after ${Math.round(retry.entry.receivedAt - refused.entry.answeredAt)} ms with the same reference id`, retry.entry);
  },
};

const confirmationAccepted: VerzenderCase = {
  id: code('CONFIRMATION-ACCEPTED'),
  title: "the kit's confirmation is accepted with 202",
  severity: 'Kritiek',
  run({ deliveries }) {
    const [first] = deliveries.delivered;
    if (!first) return failed('no confirmation could be delivered before the command exited: was its confirmation endpoint (--confirmation-url) up?');
    return judge(first, { httpStatus: 202 });
  },
};

const repeatedConfirmation: VerzenderCase = {
  id: code('REPEATED-CONFIRMATION'),
  title: 'the same confirmation again is accepted (202), not an error',
  severity: 'Hoog',
  run: ({ deliveries }) =>
    deliveries.repeat ? judge(deliveries.repeat, { httpStatus: 202 }) : skippedWith('no confirmation was accepted, so none was repeated'),
};

const unknownReference: VerzenderCase = {
  id: code('UNKNOWN-REFERENCE'),
  title: 'a confirmation for a reference id never sent is refused with a StatusResponse',
  severity: 'Hoog',
  run({ deliveries }) {
    const answer = deliveries.unknown;
    if (!answer) return skippedWith('no confirmation was accepted, so the kit sent no unknown one');
    const status = answer.response?.status;
    if (status === undefined || status < 400 || status >= 500)
      return failed(`expected a 4xx refusal, got ${status === undefined ? `no answer: ${answer.error ?? ''}` : `HTTP ${status}`}`, answer);
    if (eduvStatusOf(answer) === undefined) return failed(`refused with HTTP ${status}, but without a StatusResponse body`, answer);
    return passed(`refused with HTTP ${status} and a StatusResponse`, answer);
  },
};

/** The verzender suite, the same for every push-asynchronous API. */
export const VERZENDER_CASES: readonly VerzenderCase[] = [
  exit,
  sent,
  freshReference,
  validBodies,
  retryKeepsReference,
  confirmationAccepted,
  repeatedConfirmation,
  unknownReference,
];
