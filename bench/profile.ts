// Where the mock server's time goes for the 500-student answer: (1) the steps of one request timed
// in-process, (2) a V8 CPU profile of the mock process (its inspector, only during the load window) under autocannon load.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import autocannonModule from 'autocannon';
import { jsonResponse } from '@eduvkit/core/server';
import * as mockServer from '@eduvkit/mock-server';
import { studentsApi } from '@eduvkit/students';
import { STUDENTS_PATH } from './http';
import { mockAuthorization, type MockAppLike } from './auth';
import { REPO_ROOT, cpuSnapshot, ensureTmpDir, foreignShare, isMain, measureOpsInterleaved, median, startMockChild, waitForQuiet, type OpsResult } from './lib';

const autocannon = autocannonModule as unknown as (options: Record<string, unknown>) => Promise<{ requests: { mean: number } }>;

export interface StepTiming {
  step: string;
  msPerOp: number;
}

export interface ProfileCategory {
  category: string;
  ms: number;
  /** Share of the non-idle samples. */
  share: number;
}

export interface ProfileFunction {
  functionName: string;
  location: string;
  selfMs: number;
  share: number;
}

export interface ProfileSummary {
  busyMs: number;
  idleMs: number;
  categories: ProfileCategory[];
  inclusive: ProfileCategory[];
  topFunctions: ProfileFunction[];
}

export interface LoadProfile extends ProfileSummary {
  seconds: number;
  /** Share of the machine's CPU that other processes used while profiling. */
  otherCpu?: number;
  reqPerSecUnderProfiler: number;
  file: string;
}

export interface MockProfileResult {
  bodyBytes: number;
  /** Share of the machine's CPU that other processes used while the steps were timed. */
  stepsOtherCpu?: number;
  steps: StepTiming[];
  profile: LoadProfile;
}

/** Like measureOpsInterleaved for async functions: warm-up, then rounds of ~`roundMs` per function; median ms/op. */
async function measureAsyncInterleaved(fns: readonly (() => Promise<unknown>)[], roundMs = 400, rounds = 5): Promise<number[]> {
  for (const fn of fns) for (const end = performance.now() + 500; performance.now() < end;) await fn();
  const perRound: number[][] = fns.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (const [index, fn] of fns.entries()) {
      let count = 0;
      const start = performance.now();
      while (performance.now() < start + roundMs) {
        await fn();
        count++;
      }
      perRound[index]!.push((performance.now() - start) / count);
    }
  }
  return perRound.map(median);
}

type Handler = (request: Request) => Promise<Response>;
type World = { schools: { orgMasterId: string }[]; students: Map<string, { student: unknown }[]> };

/**
 * The mock's Fetch handler without a listener, with the mock's default options (plus
 * `validateResponses`): `createMockApp` where it exists, else the older `createMockFetchHandler`.
 */
async function inProcessMock(validateResponses: boolean): Promise<{ handler: Handler; world: World; app: MockAppLike }> {
  const api = mockServer as unknown as Record<string, unknown>;
  const options = { seed: 1, ...(validateResponses ? {} : { validateResponses: false }) };
  if (typeof api.createMockApp === 'function') {
    const app = (await (api.createMockApp as (issuer: string, o: object) => Promise<{ handler: Handler; world: World }>)('http://127.0.0.1', options)) as {
      handler: Handler;
      world: World;
    } & MockAppLike;
    return { handler: app.handler, world: app.world, app };
  }
  if (typeof api.createMockFetchHandler === 'function') {
    const { handler, world } = (api.createMockFetchHandler as (o: object) => { handler: Handler; world: World })(options);
    return { handler, world, app: {} };
  }
  throw new Error('@eduvkit/mock-server exports neither createMockApp nor createMockFetchHandler');
}

/** Times the steps a request for the 500-student list goes through, in this process. */
export async function timeSteps(): Promise<{ steps: StepTiming[]; bodyBytes: number; otherCpu?: number }> {
  const validated = await inProcessMock(true);
  const plain = await inProcessMock(false);
  const { world } = validated;
  const school = world.schools.find((candidate) => world.students.get(candidate.orgMasterId)?.length === 500)!;
  const list = world.students.get(school.orgMasterId)!.map((record) => record.student);
  const responseSchema = studentsApi.operations.listStudentsForSchool.responses[200];
  const text = JSON.stringify(list);
  const cached = Buffer.from(text);
  const url = `http://127.0.0.1${STUDENTS_PATH}?orgMasterId=${encodeURIComponent(school.orgMasterId)}`;
  const headersValidated = { accept: 'application/json', authorization: (await mockAuthorization(validated.handler, url, validated.app, 500)).authorization };
  const headersPlain = { accept: 'application/json', authorization: (await mockAuthorization(plain.handler, url, plain.app, 500)).authorization };
  const timing = { warmupMs: 500, sampleMs: 300, samples: 5 };
  await waitForQuiet([process.pid]);
  const before = cpuSnapshot([process.pid]);
  const [validate, stringify, toBuffer] = measureOpsInterleaved(
    [() => responseSchema.safeParse(list).success, () => JSON.stringify(list).length, () => Buffer.from(text).length],
    timing,
  ) as [OpsResult, OpsResult, OpsResult];
  const [viaResponse, full, fullUnvalidated] = (await measureAsyncInterleaved([
    async () => Buffer.from(await jsonResponse('1.1.0', 200, list).arrayBuffer()),
    async () => Buffer.from(await (await validated.handler(new Request(url, { headers: headersValidated }))).arrayBuffer()),
    async () => Buffer.from(await (await plain.handler(new Request(url, { headers: headersPlain }))).arrayBuffer()),
  ])) as [number, number, number];
  const otherCpu = foreignShare(before, cpuSnapshot([process.pid]));
  return {
    ...(otherCpu === undefined ? {} : { otherCpu }),
    bodyBytes: cached.length,
    steps: [
      { step: 'response validation: `listStudentsForSchoolResponse200Schema.safeParse(list)` (zod, 500 students)', msPerOp: validate.msPerOp },
      { step: `\`JSON.stringify(list)\` (${Math.round(cached.length / 1024)} KiB)`, msPerOp: stringify.msPerOp },
      { step: '`Buffer.from(json)` (UTF-8 encode of the string)', msPerOp: toBuffer.msPerOp },
      { step: '`jsonResponse(list)` → `await response.arrayBuffer()` → `Buffer.from` (stringify + Fetch Response body)', msPerOp: viaResponse },
      { step: 'whole mock Fetch handler in-process (default options: token check, validation on) + body to Buffer', msPerOp: full },
      { step: 'the same with `validateResponses: false`', msPerOp: fullUnvalidated },
    ],
  };
}

interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: CpuProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

function shortLocation(url: string, line: number): string {
  const cleaned = url.replace(/^file:\/\//, '');
  const nodeModules = cleaned.lastIndexOf('node_modules/');
  const packages = cleaned.indexOf('/packages/');
  const short = nodeModules >= 0 ? cleaned.slice(nodeModules + 'node_modules/'.length) : packages >= 0 ? cleaned.slice(packages + 1) : cleaned;
  return `${short}:${line + 1}`;
}

type Frame = CpuProfileNode['callFrame'];
const NODE_IO = /^node:(_http_|net$|internal\/(http|net|stream_base_commons|streams\/)|stream)/;

/**
 * Phases of a request. A sample goes to the first frame, walking from the sampled function towards
 * the root, that belongs to a phase. JSON.stringify is a V8 builtin without a frame of its own: its
 * time shows up as self time of the function calling it (`jsonResponse`).
 */
const PHASES: readonly { phase: string; match: (frame: Frame) => boolean }[] = [
  { phase: 'zod: response (and query) validation', match: (frame) => frame.url.includes('/zod/') },
  { phase: 'undici: Fetch Request/Response/Headers objects and body streams', match: (frame) => frame.url.includes('undici') },
  { phase: 'JSON.stringify of the body (self time of `jsonResponse`)', match: (frame) => frame.functionName === 'jsonResponse' },
  { phase: 'node:http / socket writes', match: (frame) => NODE_IO.test(frame.url) },
  { phase: '`sendFetchResponse`: headers, writeHead, end', match: (frame) => frame.functionName === 'sendFetchResponse' },
  {
    phase: 'access-token verification (JWT)',
    match: (frame) => frame.url.includes('/jose/') || /access-token|verifyAccessToken/.test(frame.url + frame.functionName),
  },
  { phase: 'garbage collection', match: (frame) => frame.functionName === '(garbage collector)' },
  { phase: 'other eduvkit code (routing, bron, input, adapter)', match: (frame) => frame.url.includes('/packages/') },
];

export function analyseCpuProfile(profile: CpuProfile, topN = 15): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<number, number>();
  profile.samples.forEach((id, index) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));

  let idle = 0;
  let busy = 0;
  const phases = new Map<string, number>();
  const categories = new Map<string, number>();
  const functions = new Map<string, { functionName: string; location: string; selfMs: number }>();
  for (const [id, micros] of self) {
    const node = byId.get(id)!;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') {
      idle += micros;
      continue;
    }
    busy += micros;
    // Where the time is spent (self), by package.
    const category = url.includes('/zod/')
      ? 'zod'
      : url.includes('undici')
        ? 'undici (node:internal/deps)'
        : url.includes('/packages/')
          ? 'eduvkit packages/*'
          : url.startsWith('node:')
            ? 'other node: internals'
            : url
              ? 'other JS'
              : functionName.startsWith('(')
                ? functionName
                : 'native / V8 builtins';
    categories.set(category, (categories.get(category) ?? 0) + micros);
    // The hottest functions; a native frame is named after its JS caller.
    let location = url ? shortLocation(url, lineNumber) : '(native)';
    if (!url && !functionName.startsWith('(')) {
      const caller = parent.get(id) !== undefined ? byId.get(parent.get(id)!)!.callFrame : undefined;
      if (caller)
        location = `native, called by ${caller.functionName || '(anonymous)'} ${caller.url ? shortLocation(caller.url, caller.lineNumber) : ''}`.trim();
    }
    const key = `${functionName}@${location}`;
    const entry = functions.get(key) ?? { functionName: functionName || '(anonymous)', location, selfMs: 0 };
    entry.selfMs += micros / 1000;
    functions.set(key, entry);
    // The request phase.
    let phase = 'other (node internals, V8)';
    for (let current: number | undefined = id; current !== undefined; current = parent.get(current)) {
      const found = PHASES.find((candidate) => candidate.match(byId.get(current!)!.callFrame));
      if (found) {
        phase = found.phase;
        break;
      }
    }
    phases.set(phase, (phases.get(phase) ?? 0) + micros);
  }
  const toList = (map: Map<string, number>): ProfileCategory[] =>
    [...map.entries()].map(([category, micros]) => ({ category, ms: micros / 1000, share: micros / busy })).sort((a, b) => b.ms - a.ms);
  return {
    busyMs: busy / 1000,
    idleMs: idle / 1000,
    categories: toList(categories),
    inclusive: toList(phases),
    topFunctions: [...functions.values()]
      .sort((a, b) => b.selfMs - a.selfMs)
      .slice(0, topN)
      .map((entry) => ({ ...entry, share: (entry.selfMs * 1000) / busy })),
  };
}

/** Profiles the mock process (V8 CPU profiler, only during the load window) under autocannon load. */
export async function profileMockUnderLoad(seconds = 5, connections = 10): Promise<LoadProfile> {
  const dir = join(ensureTmpDir(), 'cpu-prof');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const mock = await startMockChild();
  let reqPerSec: number;
  let file: string;
  let otherCpu: number | undefined;
  try {
    const school = mock.schools.find((candidate) => candidate.students === 500)!;
    const url = `${mock.url}${STUDENTS_PATH}?orgMasterId=${encodeURIComponent(school.orgMasterId)}`;
    await autocannon({ url, connections, duration: 2, headers: { ...mock.headers } });
    await waitForQuiet([process.pid, mock.pid]);
    await mock.startProfiling();
    const before = cpuSnapshot([process.pid, mock.pid]);
    const result = await autocannon({ url, connections, duration: seconds, headers: { ...mock.headers } });
    otherCpu = foreignShare(before, cpuSnapshot([process.pid, mock.pid]));
    file = await mock.stopProfiling();
    reqPerSec = result.requests.mean;
  } finally {
    await mock.close();
  }
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  return {
    seconds,
    reqPerSecUnderProfiler: reqPerSec,
    file: relative(REPO_ROOT, file),
    ...(otherCpu === undefined ? {} : { otherCpu }),
    ...analyseCpuProfile(profile),
  };
}

export async function runMockProfile(): Promise<MockProfileResult> {
  const { steps, bodyBytes, otherCpu } = await timeSteps();
  const profile = await profileMockUnderLoad();
  return { bodyBytes, ...(otherCpu === undefined ? {} : { stepsOtherCpu: otherCpu }), steps, profile };
}

if (isMain(import.meta.url)) {
  const result = await runMockProfile();
  console.log(JSON.stringify(result, null, 2));
}
