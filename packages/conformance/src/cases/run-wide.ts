import type { OperationDefinition } from '@eduvkit/core';
import { validationIssues } from '@eduvkit/core';
import { z } from 'zod';
import { eduvkitCode } from '../case-id';
import type { Exchange } from '../http/exchange';
import { implementedOperations } from '../registry-facts';
import type { SuiteContext } from '../suite-context';
import { failed, passed, skipped, type CaseDefinition } from './case';

type Seen = SuiteContext['exchanges'][number];

const answered = (context: SuiteContext): (Seen & { exchange: Required<Pick<Exchange, 'response'>> & Exchange })[] =>
  context.exchanges.filter((seen): seen is Seen & { exchange: Required<Pick<Exchange, 'response'>> & Exchange } => seen.exchange.response !== undefined);

const line = ({ exchange }: Seen): string => `${exchange.request.method} ${exchange.request.url} → HTTP ${exchange.response?.status ?? '-'}`;

function verdictOver(seen: readonly Seen[], offenders: readonly { seen: Seen; why: string }[], what: string) {
  if (!seen.length) return skipped('no answers were recorded');
  if (!offenders.length) return passed(`${what} in all ${seen.length} answers`);
  const first = offenders[0]!;
  const more = offenders.length > 1 ? ` (and ${offenders.length - 1} more)` : '';
  return failed(`${offenders.length} of ${seen.length} answers break it; first: ${line(first.seen)}: ${first.why}${more}`, first.seen.exchange);
}

const SEMVER = /^(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/;

/** Every answer carries `API-Version` with the full version of the API's major. */
export const apiVersionCase: CaseDefinition = {
  id: eduvkitCode('API-VERSION'),
  title: 'every answer carries API-Version with the right major version',
  severity: 'Middel',
  async run(context) {
    const seen = answered(context);
    const offenders = seen.flatMap((entry) => {
      const header = entry.exchange.response.headers['api-version'];
      if (header === undefined) return [{ seen: entry, why: 'no API-Version header' }];
      const match = SEMVER.exec(header.trim());
      if (!match) return [{ seen: entry, why: `API-Version "${header}" is not a semantic version` }];
      if (Number(match[1]) !== context.registry.major) return [{ seen: entry, why: `API-Version ${header} is not major ${context.registry.major}` }];
      return [];
    });
    return verdictOver(seen, offenders, `API-Version ${context.registry.major}.x.y`);
  },
};

const STATUS_RESPONSE = z.object({ status: z.int(), statusMessage: z.string().optional() });

function statusResponseSchema(operation: OperationDefinition, httpStatus: number): z.ZodType {
  return operation.responses[httpStatus] ?? STATUS_RESPONSE;
}

/** Every refusal (4xx) is a StatusResponse: `status` an integer, `statusMessage` a string. */
export const statusResponseCase: CaseDefinition = {
  id: eduvkitCode('STATUSRESPONSE'),
  title: 'every error answer is a StatusResponse',
  severity: 'Middel',
  async run(context) {
    const seen = answered(context).filter((entry) => entry.exchange.response.status >= 400);
    const offenders = seen.flatMap((entry) => {
      const checked = statusResponseSchema(entry.operation, entry.exchange.response.status).safeParse(entry.exchange.response.body);
      if (checked.success) return [];
      return [
        {
          seen: entry,
          why: validationIssues(checked.error)
            .map((issue) => `${issue.path}: ${issue.message}`)
            .join('; '),
        },
      ];
    });
    return verdictOver(seen, offenders, 'a valid StatusResponse');
  },
};

const HOSTILE_VALUE = 'x'.repeat(2048);

/**
 * No answer of the run was a 5xx, including the kit's robustness probes: a body that is not JSON
 * on every operation that takes one, an over-long school id on every operation that takes one,
 * and every read once more after all the messages the run sent (a bron that accepted a message it
 * cannot serve back breaks only then).
 */
export const noServerErrorCase: CaseDefinition = {
  id: eduvkitCode('NO-5XX'),
  title: 'no request, however malformed, gets a 5xx, and every read still answers after the run',
  severity: 'Hoog',
  async run(context) {
    for (const operation of implementedOperations(context.registry)) {
      const plan = await context.plan(operation);
      if (!plan.ok) continue;
      if (operation.body) await context.send(plan.request, 'client', {}, '{"this is": not json');
      if (operation.schoolSelection === 'query') await context.send({ ...plan.request, query: { ...plan.request.query, orgMasterId: HOSTILE_VALUE } });
      if (operation.method === 'GET') await context.send(plan.request);
    }
    const seen = context.exchanges;
    const offenders = seen.flatMap((entry) => {
      if (!entry.exchange.response) return [{ seen: entry, why: entry.exchange.error ?? 'no answer' }];
      return entry.exchange.response.status >= 500 ? [{ seen: entry, why: `HTTP ${entry.exchange.response.status}` }] : [];
    });
    return verdictOver(seen, offenders, 'no 5xx and an answer');
  },
};

// The probes run first, so the API-Version and StatusResponse checks also judge their answers.
export const RUN_WIDE_CASES: readonly CaseDefinition[] = [noServerErrorCase, apiVersionCase, statusResponseCase];
