import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './run.mjs';

/** `npm pack` of every package into `destination`; returns the tarball paths. */
export function packAll(root, packages, destination) {
  mkdirSync(destination, { recursive: true });
  const args = ['pack', '--json', '--pack-destination', destination, ...packages.flatMap((pkg) => ['-w', pkg.name])];
  const packed = JSON.parse(run('npm', args, root));
  return packed.map((entry) => join(destination, entry.filename));
}
