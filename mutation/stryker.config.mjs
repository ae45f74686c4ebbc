// Mutation testing of the security-relevant code (issue #14): `npm run mutation` at the root runs
// every group of groups.mjs. Slow on a small machine; not part of `npm test` or CI.
// The report: mutation/README.md.
import { currentGroup } from './groups.mjs';

const group = currentGroup();

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'mutation/vitest.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  // MUTATION_FILES (comma-separated globs) narrows a group to a subset of its files.
  mutate: process.env.MUTATION_FILES ? process.env.MUTATION_FILES.split(',') : group.mutate,
  coverageAnalysis: 'perTest',
  // Static mutants (module-level constants) would rerun every suite for each; they are reported as ignored.
  ignoreStatic: true,
  concurrency: Number(process.env.STRYKER_CONCURRENCY ?? 1),
  timeoutMS: 20_000,
  reporters: ['clear-text', 'progress-append-only', 'json', 'html'],
  jsonReporter: { fileName: `mutation/reports/${group.report}.json` },
  htmlReporter: { fileName: `mutation/reports/${group.report}.html` },
  tempDirName: `mutation/.stryker-tmp-${group.report}`,
  ignorePatterns: ['**/dist', '**/.turbo', 'mutation/reports', 'mutation/.stryker-tmp*', '**/test-results.json', 'bench/results'],
  thresholds: { high: 90, low: 85, break: null },
};
