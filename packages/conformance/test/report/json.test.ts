import { describe, expect, it } from 'vitest';
import { qualificationReportSchema, renderJsonReport } from '../../src/report';
import { sampleReport } from './fixture';

describe('renderJsonReport', () => {
  const output = renderJsonReport(sampleReport);
  const parsed = qualificationReportSchema.parse(JSON.parse(output));

  it('parses with the published schema', () => {
    expect(parsed.cases).toHaveLength(4);
    expect(parsed.summary).toEqual({ passed: 1, failed: 2, skipped: 1 });
  });

  it('has exactly the documented keys, in order', () => {
    const raw = JSON.parse(output) as Record<string, unknown> & { cases: Record<string, unknown>[] };
    expect(Object.keys(raw)).toEqual(['api', 'role', 'apiVersion', 'target', 'startedAt', 'durationMs', 'summary', 'cases']);
    expect(Object.keys(raw.cases[0] ?? {})).toEqual(['id', 'title', 'severity', 'status', 'reason', 'durationMs', 'request', 'response']);
  });

  it('keeps per-case durations and bodies; a case without a request has null request and response', () => {
    expect(parsed.cases[1]?.durationMs).toBe(1234);
    expect(parsed.cases[0]?.response?.body).toEqual({ items: [{ id: 'S1', name: 'Anne & <Jan>' }] });
    expect(parsed.cases[3]).toMatchObject({ id: 'KVTCONSENT', status: 'skipped', request: null, response: null });
    expect(parsed.cases[0]?.request && 'body' in parsed.cases[0].request).toBe(false);
  });

  it('is pretty-printed and ends with a newline', () => {
    expect(output.startsWith('{\n  "api": "students"')).toBe(true);
    expect(output.endsWith('}\n')).toBe(true);
  });

  it('leaves out properties outside the contract', () => {
    const withExtra = { ...sampleReport, internal: 'x', cases: [{ ...sampleReport.cases[0]!, debug: true }] };
    expect(() => qualificationReportSchema.parse(JSON.parse(renderJsonReport(withExtra)))).not.toThrow();
  });

  it('the schema rejects what is not the contract', () => {
    expect(qualificationReportSchema.safeParse({ ...parsed, extra: 1 }).success).toBe(false);
    expect(qualificationReportSchema.safeParse({ ...parsed, cases: [{ ...parsed.cases[0], severity: 'High' }] }).success).toBe(false);
  });
});
