// Shared helpers for the on-demand benchmarks: machine facts, child processes, timing and formatting.
import { execFileSync, fork, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = resolve(BENCH_DIR, '..');
export const TMP_DIR = join(BENCH_DIR, '.tmp');
/** Node flags every bench process runs with: workspace sources instead of dist, TypeScript via tsx. */
export const NODE_FLAGS = ['--conditions=@eduvkit/source', '--import', 'tsx'] as const;
/** Any bearer token: the mock only checks that one is present, Prism only that the header exists. */
export const AUTH_HEADERS = { authorization: 'Bearer eduvkit-bench-token', accept: 'application/json' } as const;
export const STUDENTS_BASE_PATH = '/students-api/v1';

export function ensureTmpDir(): string {
  mkdirSync(TMP_DIR, { recursive: true });
  return TMP_DIR;
}

/** True when this module is the script node was started with (not imported by run.ts). */
export function isMain(importMetaUrl: string): boolean {
  return process.argv[1] !== undefined && importMetaUrl === pathToFileURL(resolve(process.argv[1])).href;
}

export interface MachineInfo {
  date: string;
  node: string;
  cpuModel: string;
  cores: number;
  availableParallelism: number;
  platform: string;
  totalMemoryGiB: number;
  loadAverage: string;
  gitCommit: string;
  gitDirty: boolean;
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  let gitCommit = 'unknown';
  let gitDirty = false;
  try {
    gitCommit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    // Uncommitted changes outside bench/ (the bench itself may be work in progress).
    gitDirty = execFileSync('git', ['status', '--porcelain', '--', '.', ':(exclude)bench'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim() !== '';
  } catch {
    // not a git checkout: leave unknown
  }
  return {
    date: new Date().toISOString(),
    node: process.version,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    availableParallelism: os.availableParallelism(),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    totalMemoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    loadAverage: os
      .loadavg()
      .map((value) => value.toFixed(2))
      .join(' / '),
    gitCommit,
    gitDirty,
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

export const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** Polls `url` until it answers 200 (or gives up after `timeoutMs`). */
export async function waitForOk(url: string, timeoutMs = 60_000, headers: Record<string, string> = AUTH_HEADERS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { headers });
      await response.arrayBuffer();
      if (response.status === 200) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await sleep(200);
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms (last: ${last})`);
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(() => {
      // Only the child this bench started, by its own pid.
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      done();
    }, timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
  });
}

// --- the eduvkit mock server, in its own process ------------------------------------------------

export interface MockSchoolSummary {
  orgMasterId: string;
  sector: string;
  name: string;
  students: number;
}

export interface MockChild {
  url: string;
  pid: number;
  schools: MockSchoolSummary[];
  /** Headers that get the 500-student list from this mock (see auth.ts). */
  headers: Record<string, string>;
  authMode: string;
  /** Closes the server and lets the process exit. */
  close(): Promise<void>;
  /** Starts the V8 CPU profiler inside the mock process. */
  startProfiling(): Promise<void>;
  /** Stops it and returns the path of the written .cpuprofile (in bench/.tmp/cpu-prof). */
  stopProfiling(): Promise<string>;
  /** The child's RSS now, in bytes (mock-child.ts only). */
  rss(): Promise<number>;
  /** After a full collection (the child needs `--expose-gc`, else no collection runs): RSS, V8 heap in use, ArrayBuffers. */
  heapAfterGc(): Promise<HeapAfterGc>;
}

export interface HeapAfterGc {
  rss: number;
  heapUsed: number;
  arrayBuffers: number;
}

export interface MockChildOptions {
  validateResponses?: boolean;
  /** Start bench/ceiling-child.ts (a bare node:http server answering this file's bytes) instead of the mock. */
  ceilingBodyFile?: string;
  /** The ceiling's status (default 200). */
  ceilingStatus?: number;
  /** Extra node flags, e.g. `--cpu-prof`. */
  execArgv?: string[];
}

/**
 * Starts `startMockServer({ port: 0, seed: 1 })` in a child process, so that the load generator
 * (autocannon, in this process) does not share an event loop with the server, just like Prism.
 */
export function startMockChild(options: MockChildOptions = {}): Promise<MockChild> {
  const script = options.ceilingBodyFile === undefined ? 'mock-child.ts' : 'ceiling-child.ts';
  const child = fork(join(BENCH_DIR, script), [], {
    cwd: REPO_ROOT,
    execArgv: [...NODE_FLAGS, ...(options.execArgv ?? [])],
    env: {
      ...process.env,
      BENCH_VALIDATE_RESPONSES: options.validateResponses === false ? 'false' : 'true',
      ...(options.ceilingBodyFile === undefined ? {} : { BENCH_BODY_FILE: options.ceilingBodyFile, BENCH_STATUS: String(options.ceilingStatus ?? 200) }),
      BENCH_PROFILE_DIR: join(TMP_DIR, 'cpu-prof'),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolveChild, reject) => {
    const onExit = (code: number | null): void => reject(new Error(`mock child exited early (code ${code})`));
    child.once('exit', onExit);
    child.once('error', reject);
    const request = <T>(send: string, expect: string, pick: (reply: Record<string, unknown>) => T): Promise<T> =>
      new Promise<T>((done) => {
        const listener = (reply: Record<string, unknown>): void => {
          if (reply.type !== expect) return;
          child.off('message', listener);
          done(pick(reply));
        };
        child.on('message', listener);
        child.send(send);
      });
    type Message = { type: 'ready'; url: string; schools: MockSchoolSummary[]; authorization?: string; authMode?: string } | { type: 'error'; message: string };
    child.once('message', (message: Message) => {
      child.off('exit', onExit);
      const close = async (): Promise<void> => {
        if (child.connected) child.send('close');
        await waitForExit(child, 10_000);
      };
      if (message.type === 'error') {
        void close().then(() => reject(new Error(`${script}: ${message.message}`)));
        return;
      }
      resolveChild({
        url: message.url,
        pid: child.pid!,
        schools: message.schools,
        headers: { ...AUTH_HEADERS, ...(message.authorization ? { authorization: message.authorization } : {}) },
        authMode: message.authMode ?? 'any bearer token',
        close,
        startProfiling: () => request<void>('profile-start', 'profile-started', () => undefined),
        stopProfiling: () => request<string>('profile-stop', 'profile-written', (reply) => reply.file as string),
        rss: () => request<number>('memory', 'memory', (reply) => reply.rss as number),
        heapAfterGc: () =>
          request<HeapAfterGc>('heap', 'heap', (reply) => ({
            rss: reply.rss as number,
            heapUsed: reply.heapUsed as number,
            arrayBuffers: reply.arrayBuffers as number,
          })),
      });
    });
  });
}

// --- Prism ---------------------------------------------------------------------------------------

export interface PrismChild {
  url: string;
  pid: number;
  logFile: string;
  close(): Promise<void>;
}

/**
 * Runs `prism mock <document> -p <port> -h 127.0.0.1 [...extraArgs]` from bench/node_modules/.bin
 * and waits until `readyPath` answers 200.
 */
export async function startPrism(
  document: string,
  port: number,
  extraArgs: string[],
  logName: string,
  readyPath: string,
  headers: Record<string, string> = AUTH_HEADERS,
): Promise<PrismChild> {
  const bin = join(BENCH_DIR, 'node_modules', '.bin', 'prism');
  const logFile = join(ensureTmpDir(), `${logName}.log`);
  // Logs go straight to a file: the parent (which runs autocannon) never spends CPU on them.
  const fd = openSync(logFile, 'w');
  const child = spawn(bin, ['mock', document, '-p', String(port), '-h', '127.0.0.1', ...extraArgs], {
    cwd: BENCH_DIR,
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  const url = `http://127.0.0.1:${port}`;
  const close = async (): Promise<void> => {
    // Only the child this bench started, by its own pid.
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await waitForExit(child, 10_000);
  };
  let onExit: (code: number | null) => void = () => undefined;
  const exited = new Promise<never>((_, reject) => {
    onExit = (code) => reject(new Error(`prism exited early (code ${code}); see ${logFile}`));
    child.once('exit', onExit);
  });
  try {
    await Promise.race([waitForOk(`${url}${readyPath}`, 90_000, headers), exited]);
  } catch (error) {
    await close();
    throw error;
  } finally {
    child.off('exit', onExit);
  }
  return { url, pid: child.pid!, logFile, close };
}

// --- CPU use of other processes (Linux /proc) ----------------------------------------------------

export interface CpuSnapshot {
  /** Machine-wide busy and total ticks over all cores. */
  busy: number;
  total: number;
  /** Ticks of the processes this bench watches (itself and the server under test). */
  own: number;
}

function processTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After "pid (comm) ": state is field 3, utime 14 and stime 15 (1-based) of the full line.
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

/** undefined where /proc is not there (not Linux). */
export function cpuSnapshot(pids: readonly number[]): CpuSnapshot | undefined {
  if (!existsSync('/proc/stat')) return undefined;
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
  const [user, nice, system, idle, iowait, irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number) as number[];
  const busy = user! + nice! + system! + irq! + softirq! + steal!;
  return { busy, total: busy + idle! + iowait!, own: pids.reduce((sum, pid) => sum + processTicks(pid), 0) };
}

/** Share of the whole machine's CPU (all cores) that other processes used between two snapshots. */
export function foreignShare(before: CpuSnapshot | undefined, after: CpuSnapshot | undefined): number | undefined {
  if (!before || !after || after.total <= before.total) return undefined;
  const foreign = after.busy - before.busy - (after.own - before.own);
  return Math.max(0, foreign / (after.total - before.total));
}

/**
 * Waits (up to `maxWaitMs`) until other processes use less than `threshold` of the machine over a
 * one-second window, so a measurement does not start in the middle of someone else's build.
 */
export async function waitForQuiet(pids: readonly number[], maxWaitMs = 60_000, threshold = 0.2): Promise<{ waitedMs: number; share: number | undefined }> {
  const start = Date.now();
  let share: number | undefined;
  do {
    const before = cpuSnapshot(pids);
    await sleep(1_000);
    share = foreignShare(before, cpuSnapshot(pids));
    if (share === undefined || share < threshold) break;
  } while (Date.now() - start < maxWaitMs);
  return { waitedMs: Date.now() - start, share };
}

// --- timing and statistics -----------------------------------------------------------------------

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export interface OpsResult {
  /** Median of the samples, operations per second. */
  opsPerSec: number;
  samples: number[];
  iterationsPerSample: number;
  /** Median time of one operation, milliseconds. */
  msPerOp: number;
}

let sink = 0;
const consume = (value: unknown): void => {
  if (value) sink++;
};

/** Runs `fn` for `warmupMs` and returns how many iterations make about `sampleMs`. */
function warmUp(fn: () => unknown, warmupMs: number, sampleMs: number): number {
  const warmupEnd = performance.now() + warmupMs;
  let iterations = 0;
  while (performance.now() < warmupEnd) {
    consume(fn());
    iterations++;
  }
  return Math.max(1, Math.round((iterations / warmupMs) * sampleMs));
}

function timeSample(fn: () => unknown, iterations: number): number {
  const start = performance.now();
  for (let i = 0; i < iterations; i++) consume(fn());
  return (iterations * 1000) / (performance.now() - start);
}

function opsResult(samples: number[], iterations: number): OpsResult {
  const opsPerSec = median(samples);
  return { opsPerSec, samples, iterationsPerSample: iterations, msPerOp: 1000 / opsPerSec };
}

export interface TimingOptions {
  warmupMs?: number;
  sampleMs?: number;
  samples?: number;
}

/**
 * A plain timed loop: warm up for `warmupMs`, size one sample to take about `sampleMs`, then run
 * `samples` samples of that many iterations and take the median ops/s.
 */
export function measureOps(fn: () => unknown, options: TimingOptions = {}): OpsResult {
  const iterations = warmUp(fn, options.warmupMs ?? 1_000, options.sampleMs ?? 1_000);
  const samples: number[] = [];
  for (let sample = 0; sample < (options.samples ?? 5); sample++) samples.push(timeSample(fn, iterations));
  if (sink < 0) console.log(sink); // keeps the results observable
  return opsResult(samples, iterations);
}

/**
 * The same loop for several contenders, interleaved: every contender is warmed up, then each of
 * the `samples` rounds times one sample of every contender in turn. Background load on a shared
 * machine then hits all contenders alike instead of whichever happened to run at that moment.
 */
export function measureOpsInterleaved(fns: readonly (() => unknown)[], options: TimingOptions = {}): OpsResult[] {
  const iterations = fns.map((fn) => warmUp(fn, options.warmupMs ?? 1_000, options.sampleMs ?? 1_000));
  const samples: number[][] = fns.map(() => []);
  for (let round = 0; round < (options.samples ?? 5); round++) {
    fns.forEach((fn, index) => samples[index]!.push(timeSample(fn, iterations[index]!)));
  }
  if (sink < 0) console.log(sink);
  return fns.map((_, index) => opsResult(samples[index]!, iterations[index]!));
}

// --- formatting ----------------------------------------------------------------------------------

export const fmtInt = (value: number): string => Math.round(value).toLocaleString('en-US');
export const fmt = (value: number, digits = 2): string => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
export const fmtRatio = (value: number): string => `${fmt(value, 2)}×`;
export function fmtBytes(value: number): string {
  if (value >= 2 ** 20) return `${fmt(value / 2 ** 20, 1)} MiB`;
  if (value >= 2 ** 10) return `${fmt(value / 2 ** 10, 1)} KiB`;
  return `${fmtInt(value)} B`;
}

export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map((cell, index) => (index === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n');
}
