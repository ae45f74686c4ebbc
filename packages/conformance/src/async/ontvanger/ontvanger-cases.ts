import { setTimeout } from 'node:timers/promises';
import { EduvStatus, type ExchangeFacts } from '@eduvkit/core';
import type { ExchangePair } from '@eduvkit/core/exchange';
import { describeEntry, toExchange } from '../../afnemer/traffic';
import { kvtBaseCode } from '../../case-id';
import { failed, judge, passed, skipped, type Verdict } from '../../cases/case';
import type { Exchange } from '../../http/exchange';
import { asyncCode, type AsyncCase } from '../async-case';
import { confirmationBody } from '../message-bodies';
import type { ReceivedConfirmation } from './confirmation-recorder';
import type { OntvangerContext } from './ontvanger-context';

type OntvangerCase = AsyncCase<OntvangerContext>;

/**
 * How long after the first confirmation arrives the repeat is sent: time for the ontvanger to take
 * in the kit's 202. A repeat while its confirmation is still in flight is a different, narrower
 * case (decision 029); this one judges a repeat after the confirmation was delivered.
 */
const REPEAT_SETTLE_MS = 500;

const label = (pair: ExchangePair): string => `${pair.request.method} ${pair.request.path}`;
const is2xx = (exchange: Exchange): boolean => exchange.response !== undefined && exchange.response.status >= 200 && exchange.response.status < 300;
const answered = (exchange: Exchange): string => (exchange.response ? `HTTP ${exchange.response.status}` : `no answer (${exchange.error ?? 'unknown error'})`);
const fieldOf = (confirmation: ReceivedConfirmation, field: string | undefined): unknown =>
  field ? (confirmation.body as Record<string, unknown>)[field] : undefined;

/** Skips a case that needs the first request accepted when it was not. */
async function afterAccepted(context: OntvangerContext, pair: ExchangePair, judgeAccepted: () => Promise<Verdict>): Promise<Verdict> {
  const first = await context.first(pair);
  return is2xx(first.exchange) ? judgeAccepted() : skipped(`the first request was not accepted (${answered(first.exchange)})`, first.exchange);
}

/** What is wrong with a confirmation's exchange fields and schema, or undefined. */
function confirmationProblem(pair: ExchangePair, confirmation: ReceivedConfirmation): string | undefined {
  const facts: ExchangeFacts = pair.confirmation.exchange;
  if (facts.receipt && (typeof fieldOf(confirmation, facts.receipt) !== 'string' || fieldOf(confirmation, facts.receipt) === ''))
    return `it has no receipt id "${facts.receipt}"`;
  if (facts.processedAt && typeof fieldOf(confirmation, facts.processedAt) !== 'string') return `it has no "${facts.processedAt}"`;
  const checked = pair.confirmation.body?.safeParse(confirmation.body);
  if (checked && !checked.success)
    return `it does not match the ${pair.confirmation.operationId} schema: ${checked.error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`).join('; ')}`;
  return undefined;
}

function pairCases(pair: ExchangePair): OntvangerCase[] {
  const base = kvtBaseCode(pair.request);
  const confirmationPath = `${pair.confirmation.method} ${pair.confirmation.path}`;
  const reference = pair.request.exchange.reference;
  const receipt = pair.confirmation.exchange.receipt;
  return [
    {
      id: asyncCode('ontvanger', 'ACCEPT', base),
      title: `${label(pair)} with a fresh ${reference} → 202 Accepted`,
      severity: 'Hoog',
      run: async (context) => judge((await context.first(pair)).exchange, { httpStatus: 202 }),
    },
    {
      id: asyncCode('ontvanger', 'CONFIRMED', base),
      title: `the request is confirmed on ${confirmationPath}, echoing its ${reference}, in time`,
      severity: 'Kritiek',
      run: (context) =>
        afterAccepted(context, pair, async () => {
          const [confirmation] = await context.confirmationsOfFirst(pair);
          const { referenceId } = await context.first(pair);
          if (!confirmation) {
            const [refusal] = context.settings.recorder.refused;
            const refusals = refusal ? `; the kit refused ${context.settings.recorder.refused.length} confirmation PUTs, first ${describeEntry(refusal)}` : '';
            return failed(
              `no confirmation with ${reference} ${referenceId} arrived at ${context.settings.recorder.baseUrl}${pair.confirmation.path} within ${context.settings.confirmationTimeoutMs} ms${refusals}`,
              refusal && toExchange(refusal),
            );
          }
          return passed(`confirmed after ${Math.round(confirmation.entry.receivedAt)} ms of the run`, toExchange(confirmation.entry));
        }),
    },
    {
      id: asyncCode('ontvanger', 'CONFIRMATION-VALID', base),
      title: `the confirmation has its receipt id${pair.confirmation.exchange.processedAt ? ` and ${pair.confirmation.exchange.processedAt}` : ''} and matches its schema`,
      severity: 'Hoog',
      run: async (context) => {
        const [confirmation] = await context.confirmationsOfFirst(pair);
        if (!confirmation) return skipped('no confirmation arrived to judge');
        const problem = confirmationProblem(pair, confirmation);
        return problem
          ? failed(`the confirmation is not valid: ${problem}`, toExchange(confirmation.entry))
          : passed('the confirmation is valid', toExchange(confirmation.entry));
      },
    },
    {
      id: asyncCode('ontvanger', 'REPEAT', base),
      title: `the same ${reference} again → accepted, not processed again: the same confirmation (same ${receipt ?? 'body'}) again`,
      severity: 'Kritiek',
      run: async (context) => {
        const [confirmation] = await context.confirmationsOfFirst(pair);
        if (!confirmation) return skipped('the first request was never confirmed, so a repeat cannot be compared');
        const first = await context.first(pair);
        await setTimeout(REPEAT_SETTLE_MS);
        const repeat = await context.put(pair.request, first.body);
        if (!is2xx(repeat)) return failed(`the repeated request was answered ${answered(repeat)}, not 202: a repeat must be accepted`, repeat);
        const confirmations = await context.waitFor(pair, first.referenceId, 2);
        if (confirmations.length < 2)
          return failed(
            `the repeated request was accepted, but its confirmation was not sent again within ${context.settings.confirmationTimeoutMs} ms`,
            repeat,
          );
        const again = confirmations[1]!;
        const same = receipt ? fieldOf(again, receipt) === fieldOf(confirmation, receipt) : again.entry.body === confirmation.entry.body;
        if (!same)
          return failed(
            `the confirmation sent again has ${receipt ?? 'a body'} ${String(fieldOf(again, receipt))}, the first ${String(fieldOf(confirmation, receipt))}: the request was processed twice`,
            toExchange(again.entry),
          );
        return passed(`accepted again and confirmed again with the same ${receipt ?? 'body'}`, toExchange(again.entry));
      },
    },
    ...pair.request.requiredBodyFields.map((field): OntvangerCase => ({
      id: asyncCode('ontvanger', `MISSING-${field.replace(/[^A-Za-z0-9]/g, '').toUpperCase()}`, base),
      title: `${label(pair)} without the required body field "${field}" → 400 / 0011 naming it`,
      severity: 'Middel',
      run: async (context) => {
        const { [field]: _dropped, ...body } = context.freshBody(pair);
        return judge(await context.put(pair.request, body), { httpStatus: 400, eduvStatus: EduvStatus.SchemaIncorrect, names: field });
      },
    })),
    {
      id: asyncCode('ontvanger', 'NOTOKEN', base),
      title: `${label(pair)} without an access token → 401`,
      severity: 'Kritiek',
      run: async (context) => judge(await context.put(pair.request, context.freshBody(pair), false), { httpStatus: 401 }),
    },
    {
      id: asyncCode('ontvanger', 'WRONG-ROLE', kvtBaseCode(pair.confirmation)),
      title: `${confirmationPath} is the verzender's endpoint: the ontvanger answers 405`,
      severity: 'Middel',
      run: async (context) => judge(await context.put(pair.confirmation, confirmationBody(pair, context.freshBody(pair))), { httpStatus: 405 }),
    },
  ];
}

/** The ontvanger suite of a push-asynchronous API: per request operation, the cases above in that order. */
export const ontvangerSuite = (pairs: readonly ExchangePair[]): OntvangerCase[] => pairs.flatMap(pairCases);
