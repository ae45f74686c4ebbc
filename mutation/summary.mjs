// `node mutation/summary.mjs`: per group and per file, the mutation score of the last run, and
// every surviving mutant with its place and replacement (for mutation/README.md).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { GROUPS } from './groups.mjs';

const KILLED = new Set(['Killed', 'Timeout']);
const COUNTED = new Set(['Killed', 'Timeout', 'Survived', 'NoCoverage']);
for (const name of Object.keys(GROUPS)) {
  // A group with parts has one report per part (auth.<part>.json); their files add up to the group.
  const reportsDir = new URL('./reports/', import.meta.url);
  const names = existsSync(reportsDir)
    ? readdirSync(reportsDir).filter((entry) => entry === `${name}.json` || (entry.startsWith(`${name}.`) && entry.endsWith('.json')))
    : [];
  if (names.length === 0) {
    console.log(`\n## ${name}: not run`);
    continue;
  }
  const report = { files: Object.assign({}, ...names.map((entry) => JSON.parse(readFileSync(new URL(entry, reportsDir), 'utf8')).files)) };
  let killed = 0;
  let counted = 0;
  const rows = [];
  const survivors = [];
  for (const [path, { mutants, source }] of Object.entries(report.files)) {
    const lines = source.split('\n');
    const k = mutants.filter((mutant) => KILLED.has(mutant.status)).length;
    const c = mutants.filter((mutant) => COUNTED.has(mutant.status)).length;
    const ignored = mutants.filter((mutant) => mutant.status === 'Ignored').length;
    killed += k;
    counted += c;
    rows.push(`| ${path.replace(/^.*packages\//, '')} | ${k} / ${c} | ${c ? ((100 * k) / c).toFixed(1) : '–'} % | ${ignored} |`);
    for (const mutant of mutants.filter((item) => item.status === 'Survived' || item.status === 'NoCoverage')) {
      const line = mutant.location.start.line;
      survivors.push(
        `- ${path.replace(/^.*packages\//, '')}:${line} ${mutant.status} ${mutant.mutatorName}: \`${(mutant.replacement ?? '').replace(/\s+/g, ' ').slice(0, 90)}\` in \`${(lines[line - 1] ?? '').trim().slice(0, 110)}\``,
      );
    }
  }
  console.log(`\n## ${name}: ${killed} / ${counted} killed = ${((100 * killed) / counted).toFixed(1)} %\n`);
  console.log('| file | killed / counted | score | ignored (static) |\n|---|---|---|---|');
  console.log(rows.join('\n'));
  console.log(`\nSurvivors (${survivors.length}):\n${survivors.join('\n')}`);
}
