// `POST /results` receive throughput (issue #10): the mock as Administratiesysteem leerresultaten
// (OAuth, consent, schema, a student lookup per item and the bounded store, as shipped) next to,
// in the same rounds, a bare node:http server that reads the same body, parses it and answers the
// same 201 bytes (the ceiling for receiving this message on this machine). Results go between the
// `results` markers of RESULTS.md. Run: node --conditions=@eduvkit/source --import tsx bench/results-receive.ts
import { fork } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createMockWorld, loadClients } from '@eduvkit/mock-server';
import { createResultsDelivery, studentsOfClass } from '@eduvkit/results/fixtures';
import { clientAssertion } from './auth';
import { load, type LoadResult, type Target } from './http';
import { BENCH_DIR, fmt, fmtInt, isMain, machineInfo, median, NODE_FLAGS, REPO_ROOT, startMockChild } from './lib';

const CREATED = Buffer.from(JSON.stringify({ status: 1, statusMessage: 'Created' }));

/** The ceiling, in a child process of its own: read, parse, answer 201. Nothing is checked or kept. */
function serveBare(): void {
  const headers = { 'content-type': 'application/json; charset=utf-8', 'api-version': '2.1.0', 'content-length': String(CREATED.length) };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      JSON.parse(Buffer.concat(chunks).toString('utf8'));
      response.writeHead(201, headers);
      response.end(CREATED);
    });
  });
  server.keepAliveTimeout = 65_000;
  server.listen(0, '127.0.0.1', () => process.send!({ type: 'ready', url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));
  process.on('disconnect', () => process.exit(0));
}

function startBare(): Promise<{ url: string; pid: number; close: () => void }> {
  const child = fork(fileURLToPath(import.meta.url), [], {
    cwd: REPO_ROOT,
    execArgv: [...NODE_FLAGS],
    env: { ...process.env, BENCH_BARE_RECEIVER: '1' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((done, fail) => {
    child.once('error', fail);
    child.once('message', (message: { url: string }) => done({ url: message.url, pid: child.pid!, close: () => child.kill() }));
  });
}

/** A token of the demo Gebruiksomgeving (a verzender of Results, active at every school). */
async function verzenderToken(mockUrl: string): Promise<string> {
  const client = loadClients().clients.find((candidate) => candidate.clientId === 'demo-gebruiksomgeving')!;
  const endpoint = `${mockUrl}/oauth2/token`;
  const form = {
    grant_type: 'client_credentials',
    client_id: client.clientId,
    client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    client_assertion: clientAssertion(client, endpoint),
    scope: 'eduv.result',
  };
  const response = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form) });
  if (response.status !== 200) throw new Error(`token request got ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

export interface ResultsReceiveResult {
  students: number;
  bodyBytes: number;
  rounds: { mock: number; bare: number }[];
  mock: LoadResult;
  bare: LoadResult;
  ratio: number;
  settings: { durationSeconds: number; warmupSeconds: number; connections: number };
}

export async function runResultsReceiveBench(options: { rounds?: number; durationSeconds?: number } = {}): Promise<ResultsReceiveResult> {
  const settings = { durationSeconds: options.durationSeconds ?? 5, warmupSeconds: 1, connections: 10, quietWaitMs: 0, maxAttempts: 1 };
  const world = createMockWorld(1);
  const school = world.schools[0]!;
  const students = world.students.get(school.orgMasterId)!;
  const klas = studentsOfClass(students, students[0]!.enrollments.at(-1)!.studyOfferingId);
  const body = JSON.stringify(createResultsDelivery({ seed: 1, school, students: klas }));
  const mock = await startMockChild();
  const bare = await startBare();
  try {
    const headers = { authorization: `Bearer ${await verzenderToken(mock.url)}`, 'content-type': 'application/json', accept: 'application/json' };
    for (const url of [`${mock.url}/results-api/v2/results`, `${bare.url}/results-api/v2/results`]) {
      const answer = await fetch(url, { method: 'POST', headers, body });
      if (answer.status !== 201) throw new Error(`${url} answered ${answer.status}: ${await answer.text()}`);
    }
    const targets: Target[] = [
      {
        label: 'mock: POST /results',
        command: 'startMockServer (oauth, consent, validation)',
        url: `${mock.url}/results-api/v2/results`,
        headers,
        method: 'POST',
        body,
        pid: mock.pid,
      },
      {
        label: 'bare node:http: POST /results',
        command: 'bench/results-receive.ts (read, JSON.parse, 201)',
        url: `${bare.url}/results-api/v2/results`,
        headers,
        method: 'POST',
        body,
        pid: bare.pid,
      },
    ];
    const measured: { mock: LoadResult; bare: LoadResult }[] = [];
    for (let round = 1; round <= (options.rounds ?? 3); round++) {
      console.log(`  round ${round}`);
      measured.push({ mock: await load(targets[0]!, settings), bare: await load(targets[1]!, settings) });
    }
    const ratios = measured.map((round) => round.mock.reqPerSec / round.bare.reqPerSec);
    const middle = measured[[...ratios.keys()].sort((a, b) => ratios[a]! - ratios[b]!)[Math.floor((ratios.length - 1) / 2)]!]!;
    return {
      students: klas.length,
      bodyBytes: Buffer.byteLength(body),
      rounds: measured.map((round) => ({ mock: round.mock.reqPerSec, bare: round.bare.reqPerSec })),
      mock: middle.mock,
      bare: middle.bare,
      ratio: median(ratios),
      settings: { durationSeconds: settings.durationSeconds, warmupSeconds: settings.warmupSeconds, connections: settings.connections },
    };
  } finally {
    bare.close();
    await mock.close();
  }
}

function section(result: ResultsReceiveResult): string {
  const machine = machineInfo();
  const row = (name: string, value: LoadResult) =>
    `| ${name} | ${fmtInt(value.reqPerSec)} | ${value.latencyP50} | ${value.latencyP99} | ${value.non2xx + value.errors} |`;
  return `<!-- results:start -->
## 7. Receiving results: \`POST /results\` (issue #10)

Run by \`bench/results-receive.ts\` on ${new Date().toISOString().slice(0, 10)}, at commit \`${machine.gitCommit}\`, Node ${process.version}, ${machine.cores} × ${machine.cpuModel}:
one delivery of ${result.students} students (${fmtInt(result.bodyBytes)} bytes) sent again and again by ${result.settings.connections}
connections for ${result.settings.durationSeconds} s (after ${result.settings.warmupSeconds} s warm-up), ${result.rounds.length} rounds, mock and bare server
alternating; the round with the median ratio is shown. The mock checks the token, scope, school, consent and body, looks up
every student and records each item (replacing the previous one: the same delivery each time); the bare server reads the
body, parses it and answers the same 201 bytes.

| server | req/s | p50 ms | p99 ms | errors / non-2xx |
| --- | ---: | ---: | ---: | ---: |
${row('mock (as shipped)', result.mock)}
${row('bare node:http', result.bare)}

- mock / bare: **${fmt(result.ratio)}×** (per round: ${result.rounds.map((round) => fmt(round.mock / round.bare)).join(', ')}).
- Rounds, req/s mock / bare: ${result.rounds.map((round) => `${fmtInt(round.mock)} / ${fmtInt(round.bare)}`).join('; ')}.
- A short run on a shared 2-core machine: read the ratio, not the absolute numbers.
<!-- results:end -->`;
}

export function writeResultsSection(result: ResultsReceiveResult): void {
  const file = `${BENCH_DIR}/RESULTS.md`;
  const text = readFileSync(file, 'utf8');
  const marked = /<!-- results:start -->[\s\S]*<!-- results:end -->/;
  // A new section goes before the footer, where run.ts puts the sections it keeps.
  const added = /\n---\n_/.test(text) ? text.replace(/\n---\n_/, `\n${section(result)}\n\n---\n_`) : `${text.trimEnd()}\n\n${section(result)}\n`;
  writeFileSync(file, marked.test(text) ? text.replace(marked, section(result)) : added);
}

if (process.env.BENCH_BARE_RECEIVER === '1') serveBare();
else if (isMain(import.meta.url)) {
  const result = await runResultsReceiveBench();
  writeResultsSection(result);
  console.log(JSON.stringify(result, null, 2));
}
