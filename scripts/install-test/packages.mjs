import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The workspace packages that are published: every packages/* without "private": true. */
export function publishedPackages(root) {
  return readdirSync(join(root, 'packages'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({ dir: join(root, 'packages', entry.name), manifest: readManifest(join(root, 'packages', entry.name)) }))
    .filter(({ manifest }) => manifest && !manifest.private)
    .map(({ dir, manifest }) => ({ dir, name: manifest.name, version: manifest.version, manifest }));
}

function readManifest(dir) {
  try {
    return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  } catch {
    return undefined;
  }
}

/** The import specifiers a package offers: `name` for ".", `name/sub` for "./sub"; package.json left out. */
export function entryPoints(manifest) {
  return Object.keys(manifest.exports ?? {})
    .filter((key) => key !== './package.json')
    .map((key) => (key === '.' ? manifest.name : `${manifest.name}/${key.slice(2)}`));
}
