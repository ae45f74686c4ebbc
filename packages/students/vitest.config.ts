import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@eduvkit/source'] },
  ssr: { resolve: { conditions: ['@eduvkit/source'] } },
  test: { include: ['test/**/*.test.ts'] },
});
