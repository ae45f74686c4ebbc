// Runs every benchmark once and rewrites bench/RESULTS.md. From the repository root:
//
//   node --conditions=@eduvkit/source --import tsx bench/run.ts            # full run → bench/RESULTS.md
//   node --conditions=@eduvkit/source --import tsx bench/run.ts --quick    # short run → bench/.tmp/RESULTS.quick.md
//
// Only node: built-ins are imported statically, so this file can check its own set-up first (and
// re-start itself with the right flags) before anything from the workspace is loaded.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = dirname(fileURLToPath(import.meta.url));
const repoRoot = dirname(benchDir);
const FLAGS = ['--conditions=@eduvkit/source', '--import', 'tsx'];

function usesWorkspaceSources(): boolean {
  try {
    return import.meta.resolve('@eduvkit/mock-server').endsWith('/src/index.ts');
  } catch {
    return false;
  }
}

if (!usesWorkspaceSources()) {
  // Started without --conditions=@eduvkit/source (e.g. `node --import tsx bench/run.ts`): start again with it.
  if (process.env.EDUVKIT_BENCH_REEXEC) {
    console.error('bench: @eduvkit/* does not resolve to the workspace sources even with --conditions=@eduvkit/source');
    process.exit(1);
  }
  const again = spawnSync(process.execPath, [...FLAGS, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    cwd: repoRoot,
    stdio: 'inherit',
    env: { ...process.env, EDUVKIT_BENCH_REEXEC: '1' },
  });
  process.exit(again.status ?? 1);
}
for (const bin of ['prism', 'autocannon']) {
  if (!existsSync(join(benchDir, 'node_modules', '.bin', bin))) {
    console.error(`bench: bench/node_modules/.bin/${bin} is missing; run \`cd bench && npm ci\` first`);
    process.exit(1);
  }
}

const quick = process.argv.includes('--quick');
const { machineInfo, markdownTable, fmt, fmtInt, fmtRatio, fmtBytes } = await import('./lib');
const { runHttpBench, CEILING_LABEL, PRISM_LABEL, QUIET_PRISM_LABEL, UNVALIDATED_LABEL } = await import('./http');
const { runValidatorBench } = await import('./validators');
const { runMockProfile } = await import('./profile');
const { runLargeWorld, renderLargeWorld } = await import('./large-world');
const os = await import('node:os');
const { createRequire } = await import('node:module');
const requireFromBench = createRequire(join(benchDir, 'package.json'));
const versionOf = (name: string): string => (requireFromBench(`${name}/package.json`) as { version: string }).version;
const versions = { autocannon: versionOf('autocannon'), prism: versionOf('@stoplight/prism-cli'), ajv: versionOf('ajv'), ajvFormats: versionOf('ajv-formats') };
const zodVersion = (createRequire(join(repoRoot, 'package.json'))('zod/package.json') as { version: string }).version;

const load = (): string =>
  os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' / ');
const machine = machineInfo();
const loads: Record<string, string> = { start: load() };
const started = performance.now();

console.log(`eduvkit benchmarks${quick ? ' (quick)' : ''}: node ${machine.node}, ${machine.cpuModel} × ${machine.cores}`);
console.log('\n1. validators');
const validators = await runValidatorBench(quick ? { warmupMs: 300, sampleMs: 300 } : {});
loads.afterValidators = load();
console.log('\n2. eduvkit mock vs Prism');
const http = await runHttpBench(
  quick ? { durationSeconds: 3, warmupSeconds: 1, rounds: 1 } : { durationSeconds: 10, warmupSeconds: 2, connections: 10, rounds: 3 },
);
loads.afterHttp = load();
console.log('\n3. where the mock spends its time');
const profile = await runMockProfile();
console.log('large world …');
const largeWorld = quick ? undefined : await runLargeWorld();
loads.end = load();
const minutes = (performance.now() - started) / 60_000;

// --- RESULTS.md ----------------------------------------------------------------------------------

const pct = (share: number): string => `${fmt(share * 100, 1)} %`;
const met = (ok: boolean): string => (ok ? '**met**' : '**not met**');
const byLabel = (label: string) => http.results.find((result) => result.label === label);
const mock = byLabel('eduvkit mock')!;
const prism = byLabel(PRISM_LABEL)!;
const quietPrism = byLabel(QUIET_PRISM_LABEL);
const unvalidated = byLabel(UNVALIDATED_LABEL);
const ceiling = byLabel(CEILING_LABEL);
const bestPrism = quietPrism && quietPrism.reqPerSec > prism.reqPerSec ? quietPrism : prism;
const ratioVsBest = mock.reqPerSec / bestPrism.reqPerSec;
const [zodResult, compiledResult, ajvResult] = validators.results;
const step = (prefix: string): number => profile.steps.find((entry) => entry.step.startsWith(prefix))?.msPerOp ?? Number.NaN;
const phase = (prefix: string): number => profile.profile.inclusive.find((entry) => entry.category.startsWith(prefix))?.share ?? 0;
const msPerRequest = 1000 / mock.reqPerSec;
const kib = http.bodyBytes / 1024;

const httpRows = http.results.map((result) => [
  result.label,
  fmt(result.reqPerSec, 1),
  (result.rounds ?? [])
    .map((round) => {
      const notes = [
        ...(round.otherCpu === undefined ? [] : [`${fmt(round.otherCpu * 100, 0)} %`]),
        ...((round.attempts ?? 1) > 1 ? [`${round.attempts} tries`] : []),
      ];
      return `${fmt(round.reqPerSec, 1)}${notes.length ? ` (${notes.join(', ')})` : ''}`;
    })
    .join(', '),
  `${fmtInt(result.latencyP50)} ms`,
  `${fmtInt(result.latencyP99)} ms`,
  `${fmtBytes(result.bytesPerSec)}/s`,
  fmtInt(result.bytesPerResponse),
  `${result.errors} / ${result.timeouts}`,
  String(result.non2xx),
  fmtRatio(result.reqPerSec / prism.reqPerSec),
]);

const validatorRows = validators.results.map((result) => [
  result.label,
  fmtInt(result.valid.opsPerSec),
  fmt(result.valid.msPerOp, 3),
  fmtInt(result.valid.opsPerSec * validators.count),
  fmtRatio(result.valid.opsPerSec / ajvResult!.valid.opsPerSec),
  fmtInt(result.invalid.opsPerSec),
  fmtRatio(result.invalid.opsPerSec / ajvResult!.invalid.opsPerSec),
]);

const agreementRows = validators.agreement.map((entry) => [
  entry.name,
  entry.expected ? 'valid' : 'invalid',
  entry.zod ? 'valid' : 'invalid',
  entry.compiled ? 'valid' : 'invalid',
  entry.ajv ? 'valid' : 'invalid',
]);

// --- reading and suggestions, from this run's numbers ---------------------------------------------

const share = (prefix: string): string => pct(phase(prefix));
const undiciFunctions = profile.profile.topFunctions
  .filter((entry) => entry.location.includes('undici') && entry.functionName !== '(anonymous)')
  .slice(0, 3)
  .map((entry) => `\`${entry.functionName}\``);
const goal = http.ratio >= 10 ? 'the 10× goal is met' : http.ratio >= 5 ? 'short of the 10× goal' : 'far from the 10× goal';
const reading: string[] = [
  `**Mock vs Prism: ${fmtRatio(http.ratio)}, ${goal}.** Both send the same ${fmt(kib, 0)} KiB for every request. ` +
    (quietPrism
      ? quietPrism.reqPerSec > prism.reqPerSec
        ? `Prism's per-request logging costs it about ${fmt((1 - prism.reqPerSec / quietPrism.reqPerSec) * 100, 0)} % of its req/s; against Prism with logging off the mock is at ${fmtRatio(http.ratioVsQuietPrism ?? ratioVsBest)}. `
        : 'Prism with logging off was not faster in this run (noise). '
      : '') +
    'Prism was not profiled; it builds its answer from the example object on every request.',
  `**The mock's ${fmt(msPerRequest, 2)} ms per request** (1 / its req/s) split by the profile: ` +
    profile.profile.inclusive
      .filter((entry) => entry.share >= 0.01)
      .map((entry) => `${entry.category} ${pct(entry.share)}`)
      .join('; ') +
    `. The in-process Fetch handler alone takes ${fmt(step('whole mock'), 2)} ms; the rest is the HTTP listener (Node request → Fetch Request, Response → socket) and GC.`,
  `**Costs of the pieces** for this list (section 3, whether or not the current code pays them per request): zod validation of 500 students ${fmt(step('response validation'), 2)} ms, ` +
    `\`JSON.stringify\` ${fmt(step('`JSON.stringify'), 2)} ms, UTF-8 encoding ${fmt(step('`Buffer.from'), 2)} ms, a Fetch \`Response\` from the object ${fmt(step('`jsonResponse'), 2)} ms. ` +
    (phase('zod') < 0.05 && phase('JSON.stringify') < 0.05
      ? 'The profile shows neither validation nor serialisation on the hot path any more: the answer is validated and encoded once and then served from a cache.'
      : `In the profile, validation takes ${share('zod')} and serialisation ${share('JSON.stringify')} of the mock's time: they still run per request.`),
  ceiling
    ? `**What this machine can show at all**: the same bytes from a bare \`node:http\` server with a cached Buffer reach ${fmt(ceiling.reqPerSec, 0)} req/s ` +
      `(${fmtRatio(ceiling.reqPerSec / mock.reqPerSec)} the mock, ${fmtRatio(ceiling.reqPerSec / prism.reqPerSec)} Prism). autocannon shares the ${machine.cores} cores with the server, so ` +
      `10× Prism (${fmt(10 * prism.reqPerSec, 0)} req/s) is ${ceiling.reqPerSec >= 10 * prism.reqPerSec ? 'within' : '**beyond**'} what this machine delivered for a ${fmt(kib, 0)} KiB answer even with no work per request. ` +
      'A fair check of the 10× goal needs the load generator on other cores (or another machine).'
    : 'No ceiling measurement in this run.',
  (() => {
    const idleShare = profile.profile.idleMs / (profile.profile.idleMs + profile.profile.busyMs);
    return (
      `While profiled (section 3: only the mock running, profiler on) the mock served ${fmt(profile.profile.reqPerSecUnderProfiler, 0)} req/s and was idle ${pct(idleShare)} of the time` +
      (idleShare > 0.15 ? ': it was not CPU-bound — autocannon, sharing the machine, set the pace — so the mock alone can do more than this table shows.' : '.')
    );
  })(),
  unvalidated
    ? `\`validateResponses: false\` gives ${fmt(unvalidated.reqPerSec, 0)} req/s (${fmtRatio(unvalidated.reqPerSec / mock.reqPerSec)} the default mock)` +
      (Math.abs(unvalidated.reqPerSec / mock.reqPerSec - 1) < 0.15 ? ': no real difference, as validation no longer runs per request.' : '.')
    : '',
  `**Validators**: plain zod is ${fmtRatio(validators.ratioZodVsAjv)} Ajv and \`z.compile\` ${fmtRatio(validators.ratioCompiledVsAjv)} Ajv on valid data; zod also builds a ` +
    `stripped copy of the input, Ajv does not. On data with an error \`z.compile\` pays twice (fast path, then the regular parser for the error report): ` +
    `${fmtRatio(compiledResult!.invalid.opsPerSec / ajvResult!.invalid.opsPerSec)} Ajv and ${fmtRatio(compiledResult!.invalid.opsPerSec / zodResult!.invalid.opsPerSec)} plain zod there.`,
].filter(Boolean);

const spreads = http.results
  .filter((result) => (result.rounds?.length ?? 0) > 1)
  .map((result) => {
    const values = result.rounds!.map((round) => round.reqPerSec);
    return { label: result.label, min: Math.min(...values), max: Math.max(...values), spread: (Math.max(...values) - Math.min(...values)) / result.reqPerSec };
  })
  .sort((a, b) => b.spread - a.spread);
if (spreads.length) {
  const widest = spreads[0]!;
  reading.push(
    `**Run-to-run spread**: between rounds a server's req/s varied by up to ${pct(widest.spread)} of its median (${widest.label}: ${fmt(widest.min, 0)}–${fmt(widest.max, 0)} req/s), ` +
      'also in rounds where the bench saw no other process using the CPU: contention at the level of the host (this is a 2-vCPU VM) or CPU frequency changes are invisible from inside. ' +
      'Read the ratios as rough (the per-round ratios above show the range), not to the decimal.',
  );
}

const suggestions: string[] = [];
if (phase('JSON.stringify') >= 0.05) {
  suggestions.push(
    `**Serialise once, serve bytes** (\`JSON.stringify\` is ${share('JSON.stringify')}): the in-memory sources return the same immutable list for the same ` +
      'question, so the encoded answer can be cached per (list, released attribute set) and sent as is.',
  );
}
if (phase('zod') >= 0.05) {
  suggestions.push(
    `**Validate a cached answer once** (zod is ${share('zod')}): a list that never changes needs validating when it is built, not per request. ` +
      `Where per-request validation stays, \`z.compile\` of the response schema is ${fmtRatio(validators.ratioCompiledVsZod)} faster on valid data (section 2).`,
  );
}
if (phase('access-token') >= 0.05) {
  suggestions.push(
    `**Cache access-token verification** (${share('access-token')}): every request verifies the same JWT's signature again. Remember the ` +
      "verified caller per token string (a small bounded map) until the token's `exp`: a token's signature and claims never change, and consent is checked per request anyway.",
  );
}
if (phase('undici') >= 0.1) {
  suggestions.push(
    `**Skip the Fetch objects on the Node listener's hot path** (undici ${share('undici')}${undiciFunctions.length ? `: ${undiciFunctions.join(', ')}` : ''}): ` +
      'each request builds a Fetch `Request` from the Node request and a `Response` around the body, which the adapter then reads back out of its stream ' +
      '(`arrayBuffer()`) before writing it. Letting a bron hand a cached answer to the Node adapter as bytes (`res.end(bytes)`) avoids the body stream, its copies and part of the GC.',
  );
}
if (phase('garbage') >= 0.1) {
  suggestions.push(
    `**Allocation** (GC ${share('garbage')}): per request the adapter allocates a \`Headers\`, a \`Request\`, a \`URL\` or two, a \`Response\` and a body copy; fewer of them (previous point) means less GC.`,
  );
}
if (phase('node:http') >= 0.1) {
  suggestions.push(
    `The socket writes (${share('node:http')}) are the floor: ~${fmt(kib, 0)} KiB per answer must be written; the cached-Buffer ceiling pays them too.`,
  );
}
suggestions.push(
  `**Measure the 10× goal where it can be seen**: ${ceiling ? `on this ${machine.cores}-core machine a server doing nothing reached ${fmtRatio(ceiling.reqPerSec / prism.reqPerSec)} Prism` : 'the ceiling was not measured'}; ` +
    'run the bench on more cores (autocannon with `workers`, or from another machine) before concluding on the goal.',
);

const commandLine = 'node --conditions=@eduvkit/source --import tsx bench/run.ts';
const md = `# eduvkit benchmarks — results

Generated by \`bench/run.ts\` on ${machine.date.slice(0, 10)} (${machine.date}); the whole run took ${fmt(minutes, 1)} min.
${quick ? '\n**Quick run (short durations): not the reference numbers.**\n' : ''}
## Machine

| | |
|---|---|
| Node | ${machine.node} |
| CPU | ${machine.cpuModel}, ${machine.cores} logical cores (\`os.availableParallelism()\` ${machine.availableParallelism}) |
| OS | ${machine.platform}, ${machine.totalMemoryGiB} GiB RAM |
| Repository | commit \`${machine.gitCommit}\`${machine.gitDirty ? ' plus uncommitted changes outside bench/ (the benchmark measured the working tree as it was)' : ', no uncommitted changes outside bench/ at the start of the run'} |
| Load average (1/5/15 min) | start ${loads.start}; after validators ${loads.afterValidators}; after HTTP ${loads.afterHttp}; end ${loads.end} |

The machine is shared: other processes (e.g. test runs) may have used CPU during the run; the load
averages above show how busy it was. The load generator (autocannon) and the server under test run
on the same ${machine.cores} cores, each in its own process.

## How to reproduce

\`\`\`sh
cd bench && npm ci && cd ..
${commandLine}
\`\`\`

Single parts: \`node --conditions=@eduvkit/source --import tsx bench/http.ts\` (or \`validators.ts\`, \`profile.ts\`)
print their raw results as JSON. \`bench/run.ts --quick\` does a short run into \`bench/.tmp/RESULTS.quick.md\`.

## 1. Mock server vs Prism ${versions.prism}

\`GET ${http.path}\` — school ${http.school.orgMasterId} (${http.school.name}, ${http.school.sector}), the only school of the default
(\`small\`, seed 1) world with ${http.school.students} students: a JSON array of 500 students, **${fmtInt(http.bodyBytes)} bytes (${fmt(kib, 0)} KiB)**.

- eduvkit mock: \`startMockServer({ port: 0, seed: 1 })\` in a child process. Auth: ${http.authMode}.
- Prism: \`${prism.command}\` (bench/node_modules/.bin/prism). The document is a temporary copy of
  \`packages/students/openapi.json\` whose 200 response of \`/students/school\` has an \`example\` equal to the
  mock's answer, fetched from the mock first. Prism 5 routes on the path keys only (a path in \`servers\`
  is ignored: it answered 404 under \`/students-api/v1/…\`), so the copy's path keys get the prefix
  \`/students-api/v1\` and both servers answer the **same URL**. Prism checks the security requirement
  (401 without a bearer token), so it gets the same \`Authorization\` header as the mock.
- Before measuring, each server was checked to answer 200 with a JSON array of 500; Prism's body is
  ${http.prismBodyIdentical ? '**byte-for-byte identical**' : '**not** byte-identical'} to the mock's.
- autocannon ${versions.autocannon} (programmatic, in the parent process), ${http.connections} connections, pipelining 1; per server a
  ${http.warmupSeconds} s warm-up (discarded), then ${http.durationSeconds} s measured. All servers run at once (idle while not measured) and are
  measured one after the other, in ${http.rounds} round${http.rounds === 1 ? '' : 's'}; a row shows the median round (req/s = autocannon's mean of
  per-second samples; latency, throughput and errors of that same round) and the req/s of every round.
- The machine is shared. Before each warm-up the bench waits (up to 30 s) for a second in which other processes use
  < 20 % of the machine, and it records the share of all cores that processes other than autocannon and the server
  under test used during each measurement (in parentheses). A measurement with more than 10 % is repeated, up to 3 tries
  in all, and the least disturbed try counts ("n tries").
- Rows 3–5 are diagnostics, not part of the comparison: Prism with its per-request logging off, the mock
  with its (supported) \`validateResponses: false\` option, and a bare \`node:http\` server answering the same
  bytes from a cached Buffer — the most any server could do on this machine with this load generator.

${markdownTable(['server', 'req/s (median round)', 'req/s per round (other processes’ CPU)', 'latency p50', 'latency p99', 'throughput', 'bytes/response (incl. headers)', 'errors / timeouts', 'non-2xx', 'vs Prism'], httpRows)}

**mock / Prism = ${fmtRatio(http.ratio)}** (req/s; the median of the per-round ratios ${http.roundRatios.map((value) => fmtRatio(value)).join(', ')} — each round
measures the two within seconds of each other)${quietPrism ? `; against Prism with \`-v silent\`: ${fmtRatio(http.ratioVsQuietPrism ?? Number.NaN)}` : ''}. The "vs Prism" column divides median rounds instead.
${http.quietRoundRatios.length ? `Only the rounds in which neither measurement was disturbed (other processes < 10 % CPU): ${http.quietRoundRatios.map((value) => fmtRatio(value)).join(', ')}.` : 'No round had both measurements undisturbed (other processes < 10 % CPU).'}
Goal mock ≥ 10× Prism: ${met(http.ratio >= 10)}.${ceiling ? ` Even the cached-Buffer ceiling reaches ${fmtRatio(ceiling.reqPerSec / prism.reqPerSec)} Prism on this machine.` : ''}

## 2. Validators: 1,000 students

A 1,000-student array (${fmt(validators.jsonBytes / 1024, 0)} KiB as JSON) from \`createStudentRecords({ seed: 1, school, count: 1000 })\` for the vo
school of \`createSchools({ seed: 1, po: 0, vo: 1 })\` (${validators.school.orgMasterId}), \`.student\` of each record.

- (a) \`z.array(StudentSchema).safeParse(students)\` — the generated zod schema (zod ${zodVersion}).
- (b) \`z.compile(z.array(StudentSchema), { strict: true })\`, then \`.safeParse\`. ${validators.zodCompileNote} Compile time ${fmt(validators.zodCompileMs, 1)} ms.
- (c) Ajv ${versions.ajv} + ajv-formats ${versions.ajvFormats} (\`date\`, \`date-time\`), \`strict: false\`, compiled from the **same** \`Student\`
  component of \`packages/students/openapi.json\`: all \`components.schemas\` added as one schema with an \`$id\`, so
  \`#/components/schemas/...\` refs resolve; \`example\`/\`nullable\`/\`x-*\` converted or dropped, and eduvkit's
  \`x-eduv-required-one-of\` (userMasterIdentifier or userIds, a \`.refine\` on the zod side) turned into
  \`anyOf: [{required: [...]}, ...]\` so both check the same rule. Compile time ${fmt(validators.ajvCompileMs, 1)} ms.
- Timing: a plain loop; each contender warmed up (1 s), then ${validatorRows.length} contenders × 2 inputs interleaved over 5 rounds of
  ~1 s each, the median of the 5 taken. Note the work differs: zod's \`safeParse\` builds a new output object (unknown keys stripped),
  Ajv only answers true/false.

${validators.otherCpu === undefined ? '' : `While the validators were timed, other processes used ${pct(validators.otherCpu)} of the machine (interleaving spreads that over all contenders).\n\n`}Agreement (all three must give the expected answer): ${validators.allAgree ? '**all agree**' : '**DISAGREEMENT — see table**'}.

${markdownTable(['input', 'expected', '(a) zod', '(b) z.compile', '(c) Ajv'], agreementRows)}

${markdownTable(['validator', 'ops/s (valid array)', 'ms/op', 'students/s', 'vs Ajv', 'ops/s (one broken student, #1000)', 'vs Ajv (broken)'], validatorRows)}

- **zod / Ajv = ${fmtRatio(validators.ratioZodVsAjv)}** — goal ≥ 1×: ${met(validators.ratioZodVsAjv >= 1)}.
- **z.compile / Ajv = ${fmtRatio(validators.ratioCompiledVsAjv)}** — goal ≥ 1×: ${met(validators.ratioCompiledVsAjv >= 1)}.
- z.compile / zod = ${fmtRatio(validators.ratioCompiledVsZod)}.
- With one broken student, \`z.compile\` is ${fmtRatio(compiledResult!.invalid.opsPerSec / zodResult!.invalid.opsPerSec)} plain zod: invalid input runs the fast path, fails, and is parsed again by the regular parser for its error report (documented zod behaviour).

## 3. Where the mock's time goes

### Steps of one request, timed in-process (interleaved, median of 5 rounds)

${profile.stepsOtherCpu === undefined ? '' : `Other processes used ${pct(profile.stepsOtherCpu)} of the machine while the synchronous steps were timed.`}

${markdownTable(
  ['step', 'ms per request'],
  profile.steps.map((entry) => [entry.step, fmt(entry.msPerOp, 3)]),
)}

Over HTTP the mock served ${fmt(mock.reqPerSec, 1)} req/s (median round), i.e. ${fmt(msPerRequest, 2)} ms per request of a single-threaded server;
the in-process Fetch handler alone accounts for ${fmt(step('whole mock'), 2)} ms of it.

### V8 CPU profile of the mock process under load

The mock (default options) under the same autocannon load, profiled through its inspector for ${profile.profile.seconds} s
(${fmt(profile.profile.reqPerSecUnderProfiler, 1)} req/s while profiling; ${fmt(profile.profile.busyMs, 0)} ms busy, ${fmt(profile.profile.idleMs, 0)} ms idle${profile.profile.otherCpu === undefined ? '' : `; other processes used ${pct(profile.profile.otherCpu)} of the machine`}). Raw profile: \`${profile.profile.file}\` (not committed; open it in Chrome DevTools).

By request phase (a sample counts for the nearest enclosing phase):

${markdownTable(
  ['phase', 'ms', 'share'],
  profile.profile.inclusive.map((entry) => [entry.category, fmtInt(entry.ms), pct(entry.share)]),
)}

Hottest functions by self time:

${markdownTable(
  ['function', 'where', 'self ms', 'share'],
  profile.profile.topFunctions.map((entry) => [`\`${entry.functionName}\``, entry.location, fmtInt(entry.selfMs), pct(entry.share)]),
)}

${largeWorld ? renderLargeWorld(largeWorld) : ''}
## Reading

${reading.map((line) => `- ${line}`).join('\n')}

## Suggestions for the mock server's speed (not implemented: outside bench/)

Derived from this run's profile (a suggestion appears only when its phase is a noticeable share of the mock's CPU time):

${suggestions.map((line, index) => `${index + 1}. ${line}`).join('\n')}

---
_${quick ? 'Quick run. ' : ''}Numbers from one run on a shared machine${spreads.length ? `; rounds of the same server differed by up to ${pct(spreads[0]!.spread)}` : ''}. Regenerate with \`${commandLine}\`._
`;

const target = quick ? join(benchDir, '.tmp', 'RESULTS.quick.md') : join(benchDir, 'RESULTS.md');
mkdirSync(dirname(target), { recursive: true });
// Sections 5–8 come from bench/issue-12.ts, bench/qualify.ts, bench/results-receive.ts and bench/exchange.ts, runs of their own: keep them.
const previous = existsSync(target) ? readFileSync(target, 'utf8') : '';
const kept = [
  /<!-- issue-12:start -->[\s\S]*<!-- issue-12:end -->/,
  /<!-- qualify:start -->[\s\S]*<!-- qualify:end -->/,
  /<!-- results:start -->[\s\S]*<!-- results:end -->/,
  /<!-- exchange:start -->[\s\S]*<!-- exchange:end -->/,
]
  .map((marker) => marker.exec(previous)?.[0])
  .filter((section): section is string => section !== undefined)
  .join('\n\n');
writeFileSync(target, kept ? md.replace(/\n---\n_/, `\n${kept}\n\n---\n_`) : md);
console.log(
  `\nmock/Prism ${fmtRatio(http.ratio)} (vs Prism -v silent ${fmtRatio(ratioVsBest)}); zod/Ajv ${fmtRatio(validators.ratioZodVsAjv)}; z.compile/Ajv ${fmtRatio(validators.ratioCompiledVsAjv)}`,
);
console.log(`wrote ${relative(repoRoot, target)}`);
