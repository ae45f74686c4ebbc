// Benchmark 1: the eduvkit mock server vs Prism 5.14.2 on GET /students-api/v1/students/school for
// the 500-student school of the default ('small', seed 1) world. Both serve the same bytes.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannonModule from 'autocannon';
import {
  REPO_ROOT,
  STUDENTS_BASE_PATH,
  ensureTmpDir,
  freePort,
  isMain,
  cpuSnapshot,
  foreignShare,
  median,
  startMockChild,
  startPrism,
  waitForQuiet,
  type MockSchoolSummary,
} from './lib';

interface AutocannonHistogram {
  mean: number;
  stddev: number;
  min: number;
  max: number;
  total: number;
  p50: number;
  p99: number;
  [percentile: string]: number;
}
interface AutocannonResult {
  requests: AutocannonHistogram;
  latency: AutocannonHistogram;
  throughput: AutocannonHistogram;
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
  duration: number;
  statusCodeStats: Record<string, { count: number }>;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;
const autocannon = autocannonModule as unknown as Autocannon;

export const STUDENTS_PATH = `${STUDENTS_BASE_PATH}/students/school`;
export const CEILING_LABEL = 'ceiling: bare node:http, cached Buffer';
export const PRISM_LABEL = 'Prism 5.14.2';
export const QUIET_PRISM_LABEL = 'Prism 5.14.2 `-v silent`';
export const UNVALIDATED_LABEL = 'eduvkit mock, `validateResponses: false`';

export interface HttpBenchOptions {
  durationSeconds?: number;
  warmupSeconds?: number;
  connections?: number;
  /** Every server is measured once per round; the median round counts. Default 3. */
  rounds?: number;
  /** Also measure Prism with `-v silent` and the mock with `validateResponses: false` (diagnostics). Default true. */
  variants?: boolean;
}

export interface LoadResult {
  label: string;
  command: string;
  reqPerSec: number;
  requestsTotal: number;
  latencyP50: number;
  latencyP99: number;
  latencyMean: number;
  bytesPerSec: number;
  bytesPerResponse: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  /** Share of the machine's CPU (all cores) that processes other than autocannon and this server used while measuring. */
  otherCpu?: number;
  /** How many attempts the measurement took (disturbed ones are repeated). */
  attempts?: number;
  /** req/s and other-process CPU share of every round (set on the aggregated result). */
  rounds?: { reqPerSec: number; otherCpu?: number; attempts?: number }[];
}

export interface HttpBenchResult {
  school: MockSchoolSummary;
  schools: MockSchoolSummary[];
  /** How the bench authenticated against the mock (see auth.ts). */
  authMode: string;
  path: string;
  bodyBytes: number;
  prismBodyIdentical: boolean;
  durationSeconds: number;
  warmupSeconds: number;
  connections: number;
  rounds: number;
  specFile: string;
  results: LoadResult[];
  /** mock (default options) / Prism (default options), req/s: the median of the per-round ratios. */
  ratio: number;
  /** mock / Prism of each round (measured right after each other). */
  roundRatios: number[];
  /** mock / Prism of the rounds in which other processes used < 10 % of the machine during both measurements. */
  quietRoundRatios: number[];
  /** mock (default options) / Prism -v silent, req/s, median of the per-round ratios; undefined without variants. */
  ratioVsQuietPrism?: number;
}

async function verify(url: string, headers: Record<string, string>, expectedCount: number, label: string): Promise<string> {
  const response = await fetch(url, { headers });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${label}: expected 200, got ${response.status}: ${text.slice(0, 300)}`);
  const body = JSON.parse(text) as unknown;
  if (!Array.isArray(body) || body.length !== expectedCount) {
    throw new Error(`${label}: expected a JSON array of ${expectedCount}, got ${Array.isArray(body) ? `an array of ${body.length}` : typeof body}`);
  }
  return text;
}

/** A measurement during which other processes used more than this share of the machine is repeated. */
const DISTURBED = 0.1;
const MAX_ATTEMPTS = 3;

async function measureOnce({ label, command, url, headers, pid, method, body, requests, prepare }: Target, options: LoadOptions): Promise<LoadResult> {
  prepare?.();
  const common = {
    url,
    connections: options.connections,
    pipelining: 1,
    headers: { ...headers },
    ...(method ? { method } : {}),
    ...(body ? { body } : {}),
    ...(requests ? { requests } : {}),
  };
  const pids = [process.pid, pid];
  const quiet = await waitForQuiet(pids, options.quietWaitMs ?? 30_000);
  if (quiet.waitedMs > 1_500) process.stdout.write(`waited ${Math.round(quiet.waitedMs / 1000)} s for a quiet machine … `);
  process.stdout.write(`warm-up ${options.warmupSeconds} s … `);
  await autocannon({ ...common, duration: options.warmupSeconds });
  process.stdout.write(`measuring ${options.durationSeconds} s … `);
  const before = cpuSnapshot(pids);
  const result = await autocannon({ ...common, duration: options.durationSeconds });
  const otherCpu = foreignShare(before, cpuSnapshot(pids));
  const completed = result['2xx'] + result.non2xx;
  const loadResult: LoadResult = {
    label,
    command,
    reqPerSec: result.requests.mean,
    requestsTotal: result.requests.total,
    latencyP50: result.latency.p50,
    latencyP99: result.latency.p99,
    latencyMean: result.latency.mean,
    bytesPerSec: result.throughput.mean,
    bytesPerResponse: completed > 0 ? result.throughput.total / completed : 0,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    ...(otherCpu === undefined ? {} : { otherCpu }),
  };
  const other = otherCpu === undefined ? '' : `, other processes ${(otherCpu * 100).toFixed(0)} % CPU`;
  process.stdout.write(`${loadResult.reqPerSec.toFixed(1)} req/s, p50 ${loadResult.latencyP50} ms, p99 ${loadResult.latencyP99} ms${other}`);
  return loadResult;
}

/**
 * One measurement of a server. If other processes used more than 10 % of the machine meanwhile, it
 * is repeated (at most 3 attempts in all) and the least disturbed attempt counts.
 */
export interface LoadOptions {
  durationSeconds: number;
  warmupSeconds: number;
  connections: number;
  /** Longest wait for a quiet machine before each measurement; default 30 s. */
  quietWaitMs?: number;
  /** Attempts when other processes disturb a measurement; default 3. */
  maxAttempts?: number;
}

export async function load(target: Target, options: LoadOptions): Promise<LoadResult> {
  process.stdout.write(`  ${target.label}: `);
  const attempts: LoadResult[] = [];
  const maxAttempts = options.maxAttempts ?? MAX_ATTEMPTS;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const result = await measureOnce(target, options);
    attempts.push(result);
    if (result.otherCpu === undefined || result.otherCpu <= DISTURBED) break;
    if (attempt < maxAttempts) process.stdout.write(' — disturbed, again: ');
  }
  console.log('');
  const best = attempts.reduce((least, result) => ((result.otherCpu ?? 0) < (least.otherCpu ?? 0) ? result : least));
  return { ...best, attempts: attempts.length };
}

/** An API package's bundled document with the mock's answer as the 200 example, paths under the mock's base path. */
export function writePrismDocument(
  body: unknown,
  prismPort: number,
  { api, basePath, path }: { api: string; basePath: string; path: string } = { api: 'students', basePath: STUDENTS_BASE_PATH, path: '/students/school' },
): string {
  const document = JSON.parse(readFileSync(join(REPO_ROOT, `packages/${api}/openapi.json`), 'utf8')) as {
    servers?: unknown;
    paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { example?: unknown }> }> }>>;
  };
  const media = document.paths[path]?.get?.responses['200']?.content?.['application/json'];
  if (!media) throw new Error(`${api}/openapi.json: no 200 application/json response for GET ${path}`);
  media.example = body;
  // Prism 5 routes on the path keys only and ignores the path of `servers`, so the keys get the
  // mock's base path: both servers then answer the identical URL.
  document.paths = Object.fromEntries(Object.entries(document.paths).map(([key, item]) => [`${basePath}${key}`, item]));
  document.servers = [{ url: `http://127.0.0.1:${prismPort}`, description: 'Prism (benchmark)' }];
  const file = join(ensureTmpDir(), `${api}-openapi.prism.json`);
  writeFileSync(file, JSON.stringify(document, null, 1));
  return file;
}

export interface Target {
  label: string;
  command: string;
  url: string;
  headers: Record<string, string>;
  /** Default GET without a body. */
  method?: string;
  body?: string;
  /** autocannon `requests` (e.g. a `setupRequest` that gives every request its own body). */
  requests?: Record<string, unknown>[];
  /** Runs before each measurement's warm-up (e.g. signing fresh token requests). */
  prepare?: () => void;
  /** The server's process id, to tell its CPU use from other processes'. */
  pid: number;
}

export async function runHttpBench(options: HttpBenchOptions = {}): Promise<HttpBenchResult> {
  const settings = {
    durationSeconds: options.durationSeconds ?? 10,
    warmupSeconds: options.warmupSeconds ?? 2,
    connections: options.connections ?? 10,
  };
  const rounds = options.rounds ?? 3;
  const variants = options.variants ?? true;
  const closers: (() => Promise<void>)[] = [];
  try {
    // The mock as shipped, and the payload Prism must serve.
    const mock = await startMockChild();
    closers.push(mock.close);
    const withFiveHundred = mock.schools.filter((candidate) => candidate.students === 500);
    if (withFiveHundred.length !== 1) {
      throw new Error(`expected exactly one school with 500 students in the default world, found ${withFiveHundred.length}`);
    }
    const school = withFiveHundred[0]!;
    const pathAndQuery = `${STUDENTS_PATH}?orgMasterId=${encodeURIComponent(school.orgMasterId)}`;
    const headers = mock.headers;
    const mockBody = await verify(`${mock.url}${pathAndQuery}`, headers, 500, 'mock');
    console.log(`  school ${school.orgMasterId} (${school.name}, ${school.sector}): 500 students, ${Buffer.byteLength(mockBody)} bytes of JSON`);
    const targets: Target[] = [
      { label: 'eduvkit mock', command: 'startMockServer({ port: 0, seed: 1 })', url: `${mock.url}${pathAndQuery}`, headers, pid: mock.pid },
    ];

    // Prism as the brief runs it (default log level: info), and with its logging off.
    const prismPort = await freePort();
    const specFile = writePrismDocument(JSON.parse(mockBody), prismPort);
    const specArg = specFile.slice(specFile.indexOf('.tmp'));
    const prismRuns = [{ label: PRISM_LABEL, args: [] as string[], log: 'prism', port: prismPort }];
    if (variants) prismRuns.push({ label: QUIET_PRISM_LABEL, args: ['-v', 'silent'], log: 'prism-silent', port: await freePort() });
    let prismBodyIdentical = false;
    for (const run of prismRuns) {
      const prism = await startPrism(specFile, run.port, run.args, run.log, pathAndQuery, headers);
      closers.push(prism.close);
      const prismBody = await verify(`${prism.url}${pathAndQuery}`, headers, 500, run.label);
      if (run.label === PRISM_LABEL) prismBodyIdentical = prismBody === mockBody;
      // The same headers as for the mock (its token included; Prism only checks that the header is there).
      targets.push({
        label: run.label,
        command: `prism mock ${specArg} -p <port> -h 127.0.0.1${run.args.length ? ` ${run.args.join(' ')}` : ''}`,
        url: `${prism.url}${pathAndQuery}`,
        headers,
        pid: prism.pid,
      });
    }

    if (variants) {
      // Diagnostic: the mock without response validation (a supported option, not a code change).
      const unvalidated = await startMockChild({ validateResponses: false });
      closers.push(unvalidated.close);
      await verify(`${unvalidated.url}${pathAndQuery}`, unvalidated.headers, 500, UNVALIDATED_LABEL);
      targets.push({
        label: UNVALIDATED_LABEL,
        command: 'startMockServer({ port: 0, seed: 1, validateResponses: false })',
        url: `${unvalidated.url}${pathAndQuery}`,
        headers: unvalidated.headers,
        pid: unvalidated.pid,
      });
      // Diagnostic: the same bytes from a bare node:http server with a cached Buffer (the ceiling).
      const bodyFile = join(ensureTmpDir(), 'students-school-500.json');
      writeFileSync(bodyFile, mockBody);
      const ceiling = await startMockChild({ ceilingBodyFile: bodyFile });
      closers.push(ceiling.close);
      await verify(`${ceiling.url}${pathAndQuery}`, headers, 500, CEILING_LABEL);
      targets.push({
        label: CEILING_LABEL,
        command: 'bench/ceiling-child.ts (node:http, res.end(cachedBuffer))',
        url: `${ceiling.url}${pathAndQuery}`,
        headers,
        pid: ceiling.pid,
      });
    }

    // Every server is up and verified; measure them one after the other, in `rounds` rounds, so a
    // burst of background load on the shared machine does not fall on one server only.
    const perTarget = new Map<string, LoadResult[]>(targets.map((target) => [target.label, []]));
    for (let round = 1; round <= rounds; round++) {
      console.log(`  round ${round} of ${rounds}`);
      for (const target of targets) {
        perTarget.get(target.label)!.push(await load(target, settings));
      }
    }
    const results: LoadResult[] = targets.map((target) => {
      const all = perTarget.get(target.label)!;
      const sorted = [...all].sort((a, b) => a.reqPerSec - b.reqPerSec);
      // The median round (the lower middle one for an even count): its req/s, latencies and bytes.
      const chosen = sorted[Math.floor((sorted.length - 1) / 2)]!;
      return {
        ...chosen,
        rounds: all.map((result) => ({
          reqPerSec: result.reqPerSec,
          ...(result.otherCpu === undefined ? {} : { otherCpu: result.otherCpu }),
          ...(result.attempts === undefined ? {} : { attempts: result.attempts }),
        })),
      };
    });
    const mockRounds = perTarget.get('eduvkit mock')!;
    const prismRounds = perTarget.get(PRISM_LABEL)!;
    const roundRatios = mockRounds.map((result, index) => result.reqPerSec / prismRounds[index]!.reqPerSec);
    const quiet = (result: LoadResult): boolean => result.otherCpu !== undefined && result.otherCpu < 0.1;
    const quietRoundRatios = roundRatios.filter((_, index) => quiet(mockRounds[index]!) && quiet(prismRounds[index]!));
    const quietRounds = perTarget.get(QUIET_PRISM_LABEL);
    return {
      school,
      schools: mock.schools,
      authMode: mock.authMode,
      path: pathAndQuery,
      bodyBytes: Buffer.byteLength(mockBody),
      prismBodyIdentical,
      ...settings,
      rounds,
      specFile: specArg,
      results,
      roundRatios,
      quietRoundRatios,
      ratio: median(roundRatios),
      ...(quietRounds ? { ratioVsQuietPrism: median(mockRounds.map((result, index) => result.reqPerSec / quietRounds[index]!.reqPerSec)) } : {}),
    };
  } finally {
    for (const close of closers.reverse()) await close().catch(() => undefined);
  }
}

if (isMain(import.meta.url)) {
  const result = await runHttpBench();
  console.log(JSON.stringify(result, null, 2));
}
