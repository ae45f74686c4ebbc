import { SEVERITIES } from './types';
import type { CaseResult, ReportSummary, Severity } from './types';

/** Counts per status, taken from the cases themselves so a report never contradicts its own rows. */
export function tallyStatuses(cases: readonly CaseResult[]): ReportSummary {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const result of cases) {
    if (result.status === 'passed') passed += 1;
    else if (result.status === 'failed') failed += 1;
    else skipped += 1;
  }
  return { passed, failed, skipped };
}

/** Severities from the most to the least severe. */
export const SEVERITIES_DESCENDING: readonly Severity[] = [...SEVERITIES].reverse();

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** Failed cases per severity, most severe first, zeros included. */
export function tallyFailedBySeverity(cases: readonly CaseResult[]): ReadonlyArray<readonly [Severity, number]> {
  return SEVERITIES_DESCENDING.map((severity) => [severity, cases.filter((c) => c.status === 'failed' && c.severity === severity).length] as const);
}
