import { describe, expect, it } from 'vitest';
import { formatProgressLine, formatSummary } from '../../src/report';
import { failedCase, passedCase, sampleReport, skippedCase } from './fixture';

const ESC = '\u001b';

describe('formatProgressLine', () => {
  it('without colour: a plain status word, id and severity; reasons only for failed and skipped', () => {
    expect(formatProgressLine(passedCase, { color: false })).toBe('PASS KVTGETSTUDENTSSCHOOL [Middel]');
    expect(formatProgressLine(skippedCase, { color: false })).toBe(
      'SKIP KVTCONSENT [Hoog] The target does not offer the consent API. Skipped by configuration.',
    );
    const failed = formatProgressLine(failedCase, { color: false });
    expect(failed.startsWith('FAIL EDUVKIT-TOKEN-EXCHANGE [Kritiek] Expected 401 for the expired assertion [redacted], got 500.')).toBe(true);
    expect(failed).not.toContain(ESC);
  });

  it('with colour: marks and ANSI codes', () => {
    const line = formatProgressLine(failedCase, { color: true });
    expect(line).toContain('✗');
    expect(line).toContain(`${ESC}[31m`);
    expect(formatProgressLine(passedCase, { color: true })).toContain('✓');
    expect(formatProgressLine(skippedCase, { color: true })).toContain('–');
  });

  it('keeps a long or multi-line reason to one short line, without control characters', () => {
    const line = formatProgressLine({ ...failedCase, reason: `first\nsecond ${ESC}[2J\u0007${'x'.repeat(300)}` }, { color: false });
    expect(line).not.toContain('\n');
    expect(line).not.toContain(ESC);
    expect(line).not.toContain('\u0007');
    expect(line.endsWith('...')).toBe(true);
    expect(line.length).toBeLessThan(180);
  });
});

describe('formatSummary', () => {
  const plain = formatSummary(sampleReport, { color: false });

  it('counts per status and failures per severity', () => {
    expect(plain).toContain('  Passed   1\n  Failed   2\n  Skipped  1\n  Total    4');
    expect(plain).toMatch(/Failed by severity\n {2}Kritiek {2}1\n {2}Hoog {5}0\n {2}Middel {3}0\n {2}Laag {5}1\n {2}Info {5}0/);
  });

  it('lists the failed cases, most severe first, with their reasons', () => {
    const list = plain.slice(plain.indexOf('Failed cases'));
    expect(list.indexOf('EDUVKIT-TOKEN-EXCHANGE')).toBeGreaterThan(0);
    expect(list.indexOf('EDUVKIT-TOKEN-EXCHANGE')).toBeLessThan(list.indexOf('KVTPAGINATION'));
    expect(list).toContain('FAIL KVTPAGINATION [Laag] Pagination links are absolute\n      next link was relative');
    expect(list).not.toContain('KVTCONSENT');
    expect(list).not.toContain('KVTGETSTUDENTSSCHOOL');
  });

  it('uses ANSI colours only when asked', () => {
    expect(plain).not.toContain(ESC);
    expect(formatSummary(sampleReport, { color: true })).toContain(`${ESC}[31m`);
  });

  it('has no failure section for a clean run', () => {
    const clean = formatSummary({ ...sampleReport, cases: [passedCase] }, { color: false });
    expect(clean).not.toContain('Failed cases');
    expect(clean).toContain('1 cases in 2.5 s: 1 passed, 0 failed, 0 skipped');
  });
});
