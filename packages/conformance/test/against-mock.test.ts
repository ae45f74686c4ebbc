import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiName, QUALIFIABLE_REGISTRIES } from '../src/index';
import { startMockTarget, type MockTarget } from './support/mock-target';
import { describeProblems, runSuite } from './support/run-suite';

let target: MockTarget;
beforeAll(async () => {
  target = await startMockTarget();
}, 60_000);
afterAll(() => target.close());

describe('the kit judges eduvkit itself: every bron suite passes against the mock', () => {
  for (const registry of QUALIFIABLE_REGISTRIES) {
    it(`${apiName(registry)}: 0 failures, and every skip says why`, async () => {
      const report = await runSuite(target, registry);
      expect(
        describeProblems(report)
          .split('\n')
          .filter((line) => line.startsWith('failed')),
        describeProblems(report),
      ).toEqual([]);
      expect(report.summary.passed).toBeGreaterThan(0);
      for (const result of report.cases.filter((candidate) => candidate.status === 'skipped')) expect(result.reason).not.toBe('');
      expect(report.api).toBe(apiName(registry));
      expect(report.apiVersion).toBe(registry.version);
    });
  }
});
