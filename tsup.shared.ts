import { defineConfig, type Options } from 'tsup';

/** The build every published package shares: ESM + CJS with declarations, one file per entry. */
export function libraryConfig(entry: Record<string, string>, extra: Options = {}) {
  return defineConfig({
    entry,
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'node20',
    treeshake: true,
    // Shared chunks instead of copies, so classes such as EduvApiError stay one class per format.
    splitting: true,
    ...extra,
  });
}
