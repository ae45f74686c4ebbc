import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
// @ts-expect-error plain ESM module without types, shared with stryker.config.mjs
import { currentGroup } from './groups.mjs';

/**
 * The test run Stryker mutates against (`npm run mutation`). Stryker copies the repository into a
 * sandbox, but `node_modules/@eduvkit/*` links back to the original packages; these aliases point
 * every workspace package at the sandbox's own (mutated) source instead, read from each package's
 * `@eduvkit/source` exports (decision 005).
 */
const packagesDir = fileURLToPath(new URL('../packages/', import.meta.url));

type Exports = Record<string, { '@eduvkit/source'?: string } | string>;
const aliases = readdirSync(packagesDir).flatMap((dir) => {
  let manifest: { name: string; exports?: Exports };
  try {
    manifest = JSON.parse(readFileSync(`${packagesDir}${dir}/package.json`, 'utf8')) as typeof manifest;
  } catch {
    return [];
  }
  return Object.entries(manifest.exports ?? {}).flatMap(([subpath, target]) => {
    const source = typeof target === 'object' ? target['@eduvkit/source'] : undefined;
    if (!source) return [];
    const find = subpath === '.' ? manifest.name : `${manifest.name}${subpath.slice(1)}`;
    return [{ find: new RegExp(`^${find.replace(/[/.]/g, '\\$&')}$`), replacement: `${packagesDir}${dir}/${source.slice(2)}` }];
  });
});

/** The suites that test the group being mutated (MUTATION_GROUP, see groups.mjs). */
const project = (dir: string, include: string[]) => ({
  resolve: { alias: aliases, conditions: ['@eduvkit/source'] },
  ssr: { resolve: { conditions: ['@eduvkit/source'] } },
  test: { name: dir, root: `${packagesDir}${dir}`, include, testTimeout: 30_000 },
});

export default defineConfig({
  test: { projects: Object.entries(currentGroup().projects).map(([dir, include]) => project(dir, include)) },
});
