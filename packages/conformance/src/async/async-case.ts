import type { ApiRegistry } from '@eduvkit/core';
import { apiName } from '../apis';
import { eduvkitCode } from '../case-id';
import type { Verdict } from '../cases/case';
import type { CaseResult, QualificationReport, Severity } from '../report/types';

/** One case of the ontvanger or verzender suite, over that suite's run context. */
export interface AsyncCase<Context> {
  readonly id: string;
  readonly title: string;
  readonly severity: Severity;
  run(context: Context): Verdict | Promise<Verdict>;
}

/** `EDUVKIT-ONTVANGER-ACCEPT-KVTPUTORDERS`, `EDUVKIT-VERZENDER-FRESH-REFERENCE`. */
export const asyncCode = (role: 'ontvanger' | 'verzender', check: string, base?: string): string => eduvkitCode(`${role.toUpperCase()}-${check}`, base);

/** Runs the cases one after another; a failure of the kit's own machinery skips the case instead of failing it. */
export async function runAsyncCases<Context>(
  cases: readonly AsyncCase<Context>[],
  context: Context,
  onCase?: (result: CaseResult) => void,
): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const definition of cases) {
    const started = performance.now();
    let verdict: Verdict;
    try {
      verdict = await definition.run(context);
    } catch (error) {
      verdict = { status: 'skipped', reason: `the case could not run: ${error instanceof Error ? error.message : String(error)}` };
    }
    const result: CaseResult = {
      id: definition.id,
      title: definition.title,
      severity: definition.severity,
      status: verdict.status,
      reason: verdict.reason,
      ...(verdict.exchange ? { request: verdict.exchange.request } : {}),
      ...(verdict.exchange?.response ? { response: verdict.exchange.response } : {}),
      durationMs: Math.round(performance.now() - started),
    };
    results.push(result);
    onCase?.(result);
  }
  return results;
}

export function asyncReport(
  registry: ApiRegistry,
  role: 'ontvanger' | 'verzender',
  target: string,
  startedAt: Date,
  results: readonly CaseResult[],
): QualificationReport {
  const count = (status: CaseResult['status']) => results.filter((result) => result.status === status).length;
  return {
    api: apiName(registry),
    role,
    apiVersion: registry.version,
    target,
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    summary: { passed: count('passed'), failed: count('failed'), skipped: count('skipped') },
    cases: results,
  };
}
