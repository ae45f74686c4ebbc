import { formatBody, formatSeconds } from './format-body';
import { redactReport } from './redact';
import { tallyStatuses } from './tally';
import { escapeXmlText, xmlAttributes } from './xml';
import type { CaseResult, QualificationReport } from './types';

// A CI log shows the failure text inline; the HTML report has the full bodies.
const MAX_BODY_CHARS = 2000;

/** `junit.xml` for GitHub Actions test reporters and GitLab CI's test report. */
export function renderJunitReport(report: QualificationReport): string {
  const redacted = redactReport(report);
  const counts = tallyStatuses(redacted.cases);
  const totals = {
    tests: redacted.cases.length,
    failures: counts.failed,
    errors: 0,
    skipped: counts.skipped,
    time: formatSeconds(redacted.durationMs),
  };
  const suiteName = `eduvkit qualify ${redacted.api} --role ${redacted.role}`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${xmlAttributes({ name: suiteName, ...totals })}>`,
    `  <testsuite${xmlAttributes({ name: suiteName, ...totals, timestamp: redacted.startedAt })}>`,
    '    <properties>',
    property('      ', 'api', redacted.api),
    property('      ', 'role', redacted.role),
    property('      ', 'apiVersion', redacted.apiVersion),
    property('      ', 'target', redacted.target),
    '    </properties>',
    ...redacted.cases.map((result) => testcase(result, `${redacted.api}.${redacted.role}`)),
    '  </testsuite>',
    '</testsuites>',
  ];
  return `${lines.join('\n')}\n`;
}

function testcase(result: CaseResult, classname: string): string {
  const open = `    <testcase${xmlAttributes({ classname, name: `${result.id} ${result.title}`, time: formatSeconds(result.durationMs) })}>`;
  const properties = ['      <properties>', property('        ', 'severity', result.severity), '      </properties>'];
  const outcome =
    result.status === 'failed'
      ? [`      <failure${xmlAttributes({ message: result.reason, type: result.severity })}>${escapeXmlText(failureText(result))}</failure>`]
      : result.status === 'skipped'
        ? [`      <skipped${xmlAttributes({ message: result.reason })}/>`]
        : [];
  return [open, ...properties, ...outcome, '    </testcase>'].join('\n');
}

function property(indent: string, name: string, value: string): string {
  return `${indent}<property${xmlAttributes({ name, value })}/>`;
}

function failureText(result: CaseResult): string {
  const parts = [result.reason];
  if (result.request) {
    const body = formatBody(result.request.body, MAX_BODY_CHARS);
    parts.push(`Request: ${result.request.method} ${result.request.url}${body ? `\n${body}` : ''}`);
  }
  if (result.response) {
    const body = formatBody(result.response.body, MAX_BODY_CHARS);
    parts.push(`Response: ${result.response.status} (${result.response.durationMs} ms)${body ? `\n${body}` : ''}`);
  }
  return parts.join('\n\n');
}
