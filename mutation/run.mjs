// `npm run mutation [group ...]`: Stryker over each file group in turn (default: all of them).
import { spawnSync } from 'node:child_process';
import { GROUPS } from './groups.mjs';

const wanted = process.argv.slice(2);
const groups = wanted.length ? wanted : Object.keys(GROUPS);
for (const name of groups) {
  if (!GROUPS[name]) throw new Error(`unknown group ${name}; groups: ${Object.keys(GROUPS).join(', ')}`);
  console.log(`\n=== mutation group ${name} ===`);
  const result = spawnSync('npx', ['stryker', 'run', 'mutation/stryker.config.mjs'], { stdio: 'inherit', env: { ...process.env, MUTATION_GROUP: name } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
