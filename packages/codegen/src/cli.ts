import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateAll } from './generate';
import { writeGenerated } from './write-files';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const check = process.argv.includes('--check');

const files = await generateAll(root);
const stale = writeGenerated(files, check);
const names = stale.map((path) => relative(root, path));
if (check && names.length) {
  console.error(`Generated files are out of date with the specs; run \`npm run generate\`:\n  ${names.join('\n  ')}`);
  process.exit(1);
}
console.warn(check ? 'Generated files are up to date.' : `Wrote ${names.length} file(s)${names.length ? `:\n  ${names.join('\n  ')}` : '.'}`);
