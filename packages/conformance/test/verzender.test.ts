import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConformanceConfigError, listCases, qualifyVerzender, renderJsonReport, type QualificationReport } from '../src/index';
import { failedCaseIds, failureReasons } from './support/run-afnemer';

const RUN_MS = 120_000;
const CLIENT = fileURLToPath(new URL('./support/exchange/verzender-client.ts', import.meta.url));

/** A port nothing listens on now, for the test verzender's confirmation endpoint. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}

async function qualifyTestVerzender(defect = 'none'): Promise<QualificationReport> {
  const port = await freePort();
  return qualifyVerzender({
    api: 'order',
    confirmationUrl: `http://127.0.0.1:${port}/order-api/v0`,
    command: [process.execPath, '--conditions=@eduvkit/source', '--import', 'tsx', CLIENT, String(port), defect],
    timeoutMs: 60_000,
  });
}

it('lists the verzender cases, the same for every push-asynchronous API', () => {
  const ids = listCases('order', 'verzender').map(({ id }) => id);
  expect(ids).toContain('EDUVKIT-VERZENDER-RETRY-SAME-REFERENCE');
  expect(ids.every((id) => id.startsWith('EDUVKIT-VERZENDER-'))).toBe(true);
  expect(listCases('usage', 'verzender')).toEqual(listCases('order', 'verzender'));
});

it('needs the confirmation URL and a command', async () => {
  await expect(qualifyVerzender({ api: 'order', confirmationUrl: '', command: ['true'] })).rejects.toThrow(ConformanceConfigError);
  await expect(qualifyVerzender({ api: 'order', confirmationUrl: 'http://127.0.0.1:9/order-api/v0', command: [] })).rejects.toThrow(ConformanceConfigError);
  await expect(qualifyVerzender({ api: 'students', confirmationUrl: 'http://127.0.0.1:9', command: ['true'] })).rejects.toThrow(/no push-asynchronous API/);
});

describe.concurrent('the verzender suite', () => {
  it(
    'passes a verzender built with createVerzender on every case, and reports neither token',
    async () => {
      const report = await qualifyTestVerzender();
      expect(
        report.cases.filter((result) => result.status !== 'passed'),
        failureReasons(report),
      ).toEqual([]);
      expect(report.role).toBe('verzender');
      expect(renderJsonReport(report)).not.toMatch(/Bearer [A-Za-z0-9_-]{20,}/);
    },
    RUN_MS,
  );

  it.each([
    ['reuses-reference', 'EDUVKIT-VERZENDER-FRESH-REFERENCE'],
    ['new-reference-on-retry', 'EDUVKIT-VERZENDER-RETRY-SAME-REFERENCE'],
    ['refuses-repeat', 'EDUVKIT-VERZENDER-REPEATED-CONFIRMATION'],
  ])(
    'a verzender that %s fails %s and nothing else',
    async (defect, caseId) => {
      const report = await qualifyTestVerzender(defect);
      expect(failedCaseIds(report), failureReasons(report)).toEqual([caseId]);
    },
    RUN_MS,
  );
});
