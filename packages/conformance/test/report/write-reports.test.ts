import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { qualificationReportSchema, renderHtmlReport, renderJunitReport, writeReports } from '../../src/report';
import { sampleReport } from './fixture';

describe('writeReports', () => {
  let base: string;
  beforeEach(async () => {
    base = await mkdtemp(join(tmpdir(), 'eduvkit-report-'));
  });
  afterEach(async () => {
    await rm(base, { recursive: true, force: true });
  });

  it('creates the directory and writes one file per format, in the order asked', async () => {
    const dir = join(base, 'nested', 'reports');
    const paths = await writeReports(sampleReport, dir, ['html', 'text', 'json', 'junit', 'json']);
    expect(paths).toEqual([join(dir, 'report.html'), join(dir, 'report.json'), join(dir, 'junit.xml')]);
    expect((await readdir(dir)).sort()).toEqual(['junit.xml', 'report.html', 'report.json']);
    expect(qualificationReportSchema.safeParse(JSON.parse(await readFile(join(dir, 'report.json'), 'utf8'))).success).toBe(true);
    expect(await readFile(join(dir, 'junit.xml'), 'utf8')).toBe(renderJunitReport(sampleReport));
    expect(await readFile(join(dir, 'report.html'), 'utf8')).toBe(renderHtmlReport(sampleReport));
  });

  it('writes nothing for text', async () => {
    const dir = join(base, 'text-only');
    expect(await writeReports(sampleReport, dir, ['text'])).toEqual([]);
    await expect(readdir(dir)).rejects.toThrow();
  });
});
