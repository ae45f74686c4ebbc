// `npm run mutation [group[.part] ...]`: Stryker over each file group in turn (default: all of them);
// a group with parts runs one Stryker per part.
import { spawnSync } from 'node:child_process';
import { GROUPS } from './groups.mjs';
import { patchVitestRunner } from './patch-vitest-runner.mjs';

patchVitestRunner();

const wanted = process.argv.slice(2);
const groups = wanted.length ? wanted : Object.keys(GROUPS);
for (const wantedName of groups) {
  const [name, onlyPart] = wantedName.split('.');
  if (!GROUPS[name]) throw new Error(`unknown group ${name}; groups: ${Object.keys(GROUPS).join(', ')}`);
  const parts = onlyPart ? [onlyPart] : Object.keys(GROUPS[name].parts ?? {});
  for (const part of parts.length ? parts : [undefined]) {
    console.log(`\n=== mutation group ${name}${part ? ` part ${part}` : ''} ===`);
    const env = { ...process.env, MUTATION_GROUP: name, ...(part ? { MUTATION_PART: part } : {}) };
    const result = spawnSync('npx', ['stryker', 'run', 'mutation/stryker.config.mjs'], { stdio: 'inherit', env });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
}
