import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedVitestConfig } from '../../vitest.shared';

// The site is built once (globalSetup) and then checked; building takes most of the run time.
export default mergeConfig(
  sharedVitestConfig,
  defineConfig({ test: { globalSetup: ['test/support/build-site.ts'], testTimeout: 120_000, hookTimeout: 60_000, fileParallelism: false } }),
);
