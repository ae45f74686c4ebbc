import { oneLine, paint, truncate } from './ansi';
import { redactCaseResult, redactReport } from './redact';
import { severityRank, tallyFailedBySeverity, tallyStatuses } from './tally';
import type { Style } from './ansi';
import type { CaseResult, CaseStatus, QualificationReport } from './types';

export interface TextOptions {
  /** ANSI colours and Unicode marks; off for pipes, `NO_COLOR` and CI logs. */
  readonly color: boolean;
}

const MAX_REASON_CHARS = 120;

const MARKS: Readonly<Record<CaseStatus, { readonly color: string; readonly plain: string; readonly style: Style }>> = {
  passed: { color: '✓', plain: 'PASS', style: 'green' },
  failed: { color: '✗', plain: 'FAIL', style: 'red' },
  skipped: { color: '–', plain: 'SKIP', style: 'yellow' },
};

/** One line per case as it finishes, e.g. `✗ KVTGETSTUDENTS [Hoog] expected 200, got 500`. */
export function formatProgressLine(result: CaseResult, options: TextOptions): string {
  const { color } = options;
  const r = redactCaseResult(result);
  const mark = MARKS[r.status];
  const head = `${paint(color ? mark.color : mark.plain, mark.style, color)} ${oneLine(r.id)} ${paint(`[${oneLine(r.severity)}]`, 'dim', color)}`;
  if (r.status === 'passed') return head;
  const reason = truncate(oneLine(r.reason), MAX_REASON_CHARS, color ? '…' : '...');
  return reason ? `${head} ${r.status === 'skipped' ? paint(reason, 'dim', color) : reason}` : head;
}

/** The closing summary: counts per status, failures per severity, then every failed case with its reason. */
export function formatSummary(report: QualificationReport, options: TextOptions): string {
  const { color } = options;
  const r = redactReport(report);
  const counts = tallyStatuses(r.cases);
  const lines: string[] = [
    paint(`Summary: eduvkit qualify ${oneLine(r.api)} --role ${oneLine(r.role)} (${oneLine(r.apiVersion)}) against ${oneLine(r.target)}`, 'bold', color),
    '',
    ...table(
      [
        ['Passed', counts.passed, 'green'],
        ['Failed', counts.failed, 'red'],
        ['Skipped', counts.skipped, 'yellow'],
        ['Total', r.cases.length, 'bold'],
      ],
      color,
    ),
  ];

  if (counts.failed > 0) {
    lines.push('', paint('Failed by severity', 'bold', color));
    lines.push(
      ...table(
        tallyFailedBySeverity(r.cases).map(([severity, count]) => [severity, count, count > 0 ? 'red' : 'dim'] as const),
        color,
      ),
    );
    lines.push('', paint('Failed cases', 'bold', color));
    const failed = r.cases.filter((c) => c.status === 'failed').sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
    for (const c of failed) {
      lines.push(
        `  ${paint(color ? MARKS.failed.color : MARKS.failed.plain, 'red', color)} ${oneLine(c.id)} ${paint(`[${oneLine(c.severity)}]`, 'dim', color)} ${oneLine(c.title)}`,
      );
      const reason = oneLine(c.reason);
      if (reason) lines.push(`      ${reason}`);
    }
  }

  lines.push(
    '',
    `${r.cases.length} cases in ${formatSeconds(r.durationMs)}: ${paint(`${counts.passed} passed`, 'green', color)}, ${paint(`${counts.failed} failed`, counts.failed > 0 ? 'red' : 'dim', color)}, ${paint(`${counts.skipped} skipped`, 'yellow', color)}`,
  );
  return lines.join('\n');
}

// Padded before painting: ANSI codes would throw padEnd's arithmetic off.
function table(rows: ReadonlyArray<readonly [string, number, Style]>, color: boolean): string[] {
  const labelWidth = Math.max(...rows.map(([label]) => label.length));
  const countWidth = Math.max(...rows.map(([, count]) => String(count).length));
  return rows.map(([label, count, style]) => `  ${label.padEnd(labelWidth)}  ${paint(String(count).padStart(countWidth), style, color)}`);
}

function formatSeconds(ms: number): string {
  return Number.isFinite(ms) && ms >= 0 ? `${(ms / 1000).toFixed(1)} s` : '? s';
}
