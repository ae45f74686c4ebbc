import { defineConfig } from 'vitest/config';

/**
 * Every package's vitest config extends this: tests resolve workspace packages to their source
 * (decision 005) and write a JSON report that `scripts/test-summary.mjs` adds up.
 */
export const sharedVitestConfig = defineConfig({
  resolve: { conditions: ['@eduvkit/source'] },
  ssr: { resolve: { conditions: ['@eduvkit/source'] } },
  test: {
    include: ['test/**/*.test.ts'],
    // Type tests: `expectTypeOf` and `@ts-expect-error` in *.test-d.ts, checked by tsc.
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    testTimeout: 30_000,
    reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
  },
});
