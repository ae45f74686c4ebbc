import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderHtmlReport } from './html';
import { renderJsonReport } from './json';
import { renderJunitReport } from './junit';
import type { QualificationReport, ReportFormat } from './types';

const FILES: Readonly<Record<Exclude<ReportFormat, 'text'>, { readonly name: string; readonly render: (report: QualificationReport) => string }>> = {
  json: { name: 'report.json', render: renderJsonReport },
  junit: { name: 'junit.xml', render: renderJunitReport },
  html: { name: 'report.html', render: renderHtmlReport },
};

/**
 * Writes `report.json`, `junit.xml` and/or `report.html` into `dir` (created when missing) and
 * returns the paths written, in the order of `formats`. `text` is for the terminal and writes nothing.
 */
export async function writeReports(report: QualificationReport, dir: string, formats: readonly ReportFormat[]): Promise<string[]> {
  const files = [...new Set(formats)].flatMap((format) => (format === 'text' ? [] : [FILES[format]]));
  if (files.length === 0) return [];
  await mkdir(dir, { recursive: true });
  return Promise.all(
    files.map(async ({ name, render }) => {
      const path = join(dir, name);
      await writeFile(path, render(report), 'utf8');
      return path;
    }),
  );
}
