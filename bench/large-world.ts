// Issue-3 benchmark: the large mock world (~100,000 students). Time and memory to start it, to serve
// and to client-side validate all students of its largest school, and a full sync of the board
// through the eduvkit clients. Run: node --conditions=@eduvkit/source --import tsx bench/large-world.ts
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { BENCH_DIR, NODE_FLAGS } from './lib';

interface Ready {
  type: 'ready';
  url: string;
  startMs: number;
  /** CPU the mock process used up to its start (world, keys, brons). */
  cpuMs: number;
  rss: number;
  /** After a forced full collection right after the start. */
  retainedAtStart: { rss: number; heapUsed: number; arrayBuffers: number };
  schools: { orgMasterId: string; sector: string; students: number }[];
  keyFile: string;
  keyId: string;
}

const once = <T>(child: ChildProcess, type?: string): Promise<T> =>
  new Promise((resolve, reject) => {
    const onMessage = (message: { type?: string }) => {
      if (type && message.type !== type) return;
      child.off('message', onMessage);
      resolve(message as T);
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`child exited with ${code}`)));
  });

/** Times two raw requests for a school's students: the first builds and caches, the second is cached. */
async function serveTimes(ready: Ready, orgMasterId: string): Promise<{ coldMs: number; cachedMs: number }> {
  const { createClientCredentialsTokenProvider, loadPrivateKey } = await import('@eduvkit/auth');
  const { readFileSync } = await import('node:fs');
  const tokens = createClientCredentialsTokenProvider({
    clientId: 'demo-bestelomgeving',
    privateKey: loadPrivateKey(readFileSync(ready.keyFile, 'utf8')),
    keyId: ready.keyId,
    issuer: ready.url,
  });
  const headers = { authorization: `Bearer ${await tokens.getToken({ scopes: ['eduv.student.basic'] })}` };
  const time = async () => {
    const started = performance.now();
    await (await fetch(`${ready.url}/students-api/v1/students/school?orgMasterId=${orgMasterId}`, { headers })).arrayBuffer();
    return performance.now() - started;
  };
  const coldMs = await time();
  const cachedMs = await time();
  await tokens.close();
  return { coldMs, cachedMs };
}

export async function runLargeWorld() {
  // BENCH_CPU_PROF=1: the mock writes a V8 CPU profile into bench/.tmp when it exits (where its time goes).
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${join(BENCH_DIR, '.tmp')}`] : [];
  const mock = fork(join(BENCH_DIR, 'large-world-mock.ts'), { execArgv: [...NODE_FLAGS, '--max-old-space-size=8192', '--expose-gc', ...profile] });
  const ready = await once<Ready>(mock, 'ready');
  const largest = [...ready.schools].sort((a, b) => b.students - a.students)[0]!;
  const totalStudents = ready.schools.reduce((sum, school) => sum + school.students, 0);
  const client = (task: 'largest' | 'sync') => {
    const child = fork(
      join(BENCH_DIR, 'large-world-client.ts'),
      [
        JSON.stringify({
          url: ready.url,
          keyFile: ready.keyFile,
          keyId: ready.keyId,
          largest: largest.orgMasterId,
          schools: ready.schools.map((school) => school.orgMasterId),
          task,
        }),
      ],
      {
        execArgv: [...NODE_FLAGS, '--expose-gc'],
      },
    );
    return once<Record<string, number>>(child);
  };
  // The mock's cost to serve the largest school: cold (lists built, validated, serialised) and cached.
  const authorization = await serveTimes(ready, largest.orgMasterId);
  const largestRun = await client('largest');
  type Memory = { rss: number; maxRss: number; heapUsed: number; external: number; arrayBuffers: number; cpuMs: number };
  mock.send('memory');
  const beforeSync = await once<Memory>(mock, 'memory');
  const sync = { ...(await client('sync')) };
  mock.send('memory');
  const mockMemory = await once<Memory>(mock, 'memory');
  sync.mockCpuMs = mockMemory.cpuMs - beforeSync.cpuMs;
  mock.send('retained');
  const retained = await once<{ rss: number; heapUsed: number; arrayBuffers: number }>(mock, 'retained');
  mock.send('close');
  return {
    start: { ms: ready.startMs, cpuMs: ready.cpuMs, rss: ready.rss, retained: ready.retainedAtStart, schools: ready.schools.length, students: totalStudents },
    largest: { ...largest, serve: authorization, client: largestRun },
    sync,
    mockMemory,
    retained,
  };
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const ms = (value: number) => `${Math.round(value).toLocaleString('en-US')} ms`;

/** The RESULTS.md section for the large world. */
export function renderLargeWorld(result: Awaited<ReturnType<typeof runLargeWorld>>): string {
  const { start, largest, sync, mockMemory, retained } = result;
  const json = largest.client.jsonBytes!;
  const ratio = (bytes: number) => `${(bytes / json).toFixed(1)}×`;
  const synced = Object.entries(sync)
    .filter(([key]) => !['syncMs', 'peakRss', 'clientCpuMs', 'mockCpuMs'].includes(key))
    .map(([key, value]) => key + ' ' + Number(value).toLocaleString('en-US'))
    .join(', ');
  return `## 4. The large world (issue 3)

\`startMockServer({ size: 'large', seed: 1 })\` in its own process: ${start.schools} schools, ${start.students.toLocaleString('en-US')} students.
The afnemer runs in another process (\`bench/large-world-client.ts\`) with a real private_key_jwt token
(demo-bestelomgeving, scope \`eduv.student.basic\`: basic attributes only) and \`validation: 'strict'\`.

| measure | value |
| --- | ---: |
| mock start (world + authorization server + brons) | ${ms(start.ms)} |
| mock RSS after start (after a forced full collection: RSS / V8 heap in use) | ${mib(start.rss)} (${mib(start.retained.rss)} / ${mib(start.retained.heapUsed)}) |
| mock RSS after the full sync below / its peak | ${mib(mockMemory.rss)} / ${mib(mockMemory.maxRss)} |
| of which V8 heap in use / outside the heap (Buffers, cached answer bytes) | ${mib(mockMemory.heapUsed)} / ${mib(mockMemory.arrayBuffers)} |
| after a forced full collection: RSS / V8 heap in use / Buffers (what is retained) | ${mib(retained.rss)} / ${mib(retained.heapUsed)} / ${mib(retained.arrayBuffers)} |
| largest school | ${largest.orgMasterId} (${largest.sector}), ${largest.students.toLocaleString('en-US')} students, ${mib(json)} of JSON |
| serve it: first request (lists built, validated, serialised), raw fetch | ${ms(largest.serve.coldMs)} |
| serve it: next request (cached), raw fetch | ${ms(largest.serve.cachedMs)} |
| client \`listForSchool\` with strict validation (fetch + parse + zod), first / second call | ${ms(largest.client.clientStrictMs!)} / ${ms(largest.client.againMs!)} |
| client RSS before the call → peak RSS | ${mib(largest.client.rssBefore!)} → ${mib(largest.client.peakRss!)} |
| client peak RSS growth during fetch + validation | ${mib(largest.client.peakGrowth!)} = **${ratio(largest.client.peakGrowth!)} the JSON** |
| full sync of the board: 8 list operations × ${start.schools} schools through the four clients | ${ms(sync.syncMs!)} |
| where the sync's time went: CPU of the mock / of the client process during the sync | ${ms(sync.mockCpuMs!)} / ${ms(sync.clientCpuMs!)} |
| objects synced | ${synced} |
| client peak RSS during the sync | ${mib(sync.peakRss!)} |

Aim: client peak RSS ≤ 3× the JSON size. Measured in a fresh client process as its peak RSS
(\`process.resourceUsage().maxRSS\`) minus its RSS just before the call, after imports and a token
only. The response bytes, the JSON text, its parsed objects and zod's validated copy are alive at
once at the peak, so parse-then-validate cannot go much below 3×; streaming validation would. The mock holds the
Association objects of the last school read (\`ASSOCIATION_SCHOOLS_KEPT\`, decision 041) and at most 32 MiB of
large cached answers per API; the rest of its heap is the world (students, staff, Education objects).
`;
}

// Last, after the helpers above are initialised (run on its own it used `ms` before its definition).
if (process.argv[1]?.endsWith('large-world.ts')) {
  const result = await runLargeWorld();
  console.log(JSON.stringify(result, null, 2));
  console.log(renderLargeWorld(result));
}
