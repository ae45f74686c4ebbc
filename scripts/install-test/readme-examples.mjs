import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The first ```ts block of each package README, keyed by the package folder name. */
export function readmeExamples(packages) {
  const examples = {};
  for (const pkg of packages) {
    const file = join(pkg.dir, 'README.md');
    if (!existsSync(file)) throw new Error(`${pkg.name} has no README.md`);
    const block = readFileSync(file, 'utf8').match(/```ts\n([\s\S]*?)```/);
    if (block) examples[pkg.name.split('/')[1]] = block[1];
  }
  return examples;
}
