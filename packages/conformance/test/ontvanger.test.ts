import type { ApiRegistry } from '@eduvkit/core';
import { orderApi } from '@eduvkit/order';
import { describe, expect, it } from 'vitest';
import { ConformanceConfigError, EXCHANGE_REGISTRIES, listCases, qualifyOntvanger, renderJsonReport, type QualificationReport } from '../src/index';
import { ONTVANGER_TOKEN, startTestOntvanger, type OntvangerDefect } from './support/exchange/reference-ontvanger';
import { failedCaseIds, failureReasons } from './support/run-afnemer';

const RUN_MS = 120_000;

async function qualifyTestOntvanger(registry: ApiRegistry, defect: OntvangerDefect = 'none', confirmationTimeoutMs = 5_000): Promise<QualificationReport> {
  const ontvanger = await startTestOntvanger(registry, defect);
  try {
    return await qualifyOntvanger({
      api: registry,
      baseUrl: ontvanger.baseUrl,
      tokens: { getToken: async () => ONTVANGER_TOKEN },
      confirmationTimeoutMs,
      onListening: ontvanger.confirmTo,
    });
  } finally {
    await ontvanger.close();
  }
}

it('lists the ontvanger cases per request operation; a pull API has none', () => {
  const ids = listCases('order', 'ontvanger').map(({ id }) => id);
  expect(ids).toContain('EDUVKIT-ONTVANGER-REPEAT-KVTPUTORDERS');
  expect(ids).toContain('EDUVKIT-ONTVANGER-MISSING-PURCHASEORDERID-KVTPUTORDERS');
  expect(ids).toContain('EDUVKIT-ONTVANGER-WRONG-ROLE-KVTPUTORDERSCONFIRMATIONS');
  expect(ids.every((id) => id.startsWith('EDUVKIT-ONTVANGER-'))).toBe(true);
  // For a pull API the testlab's "ontvanger" is the bron.
  expect(listCases('students', 'ontvanger')[0]!.id).toMatch(/^KVT/);
});

it('refuses a pull API', async () => {
  await expect(qualifyOntvanger({ api: 'students', baseUrl: 'http://127.0.0.1:9', tokens: { getToken: async () => 't' } })).rejects.toThrow(
    ConformanceConfigError,
  );
});

describe.concurrent('the ontvanger suite', () => {
  it.each(EXCHANGE_REGISTRIES)(
    'passes an ontvanger built with createOntvanger for $api on every case, and reports no token',
    async (registry) => {
      const report = await qualifyTestOntvanger(registry);
      expect(
        report.cases.filter((result) => result.status !== 'passed'),
        failureReasons(report),
      ).toEqual([]);
      expect(report.role).toBe('ontvanger');
      expect(renderJsonReport(report)).not.toContain(ONTVANGER_TOKEN);
    },
    RUN_MS,
  );

  const order = (check: string) => `EDUVKIT-ONTVANGER-${check}-KVTPUTORDERS`;
  const credit = (check: string) => `EDUVKIT-ONTVANGER-${check}-KVTPUTCREDITORDERS`;
  it.each<[OntvangerDefect, string[]]>([
    ['processes-repeat-twice', [order('REPEAT'), credit('REPEAT')]],
    ['answers-200', [order('ACCEPT'), credit('ACCEPT')]],
    ['never-confirms', [order('CONFIRMED'), credit('CONFIRMED')]],
    ['no-processed-timestamp', [order('CONFIRMATION-VALID'), credit('CONFIRMATION-VALID')]],
    [
      'accepts-malformed',
      listCases('order', 'ontvanger')
        .map(({ id }) => id)
        .filter((id) => id.includes('-MISSING-')),
    ],
  ])(
    'an ontvanger that %s fails exactly %j',
    async (defect, expected) => {
      const report = await qualifyTestOntvanger(orderApi, defect, defect === 'never-confirms' ? 1_500 : 5_000);
      expect(failedCaseIds(report).sort(), failureReasons(report)).toEqual([...expected].sort());
    },
    RUN_MS,
  );
});
