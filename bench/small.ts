// Benchmark 5 (issue #12): small answers — most Edu-V traffic. Each kind of request against the
// mock (OAuth and response validation on, as shipped) and, side by side in the same round, a bare
// node:http server sending the mock's exact bytes (the ceiling); the small answer also against
// Prism. Run: node --conditions=@eduvkit/source --import tsx bench/small.ts
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRandom } from '@eduvkit/core/fixtures';
import { loadClients } from '@eduvkit/mock-server';
import { orderRequest } from '@eduvkit/order/fixtures';
import { clientAssertion } from './auth';
import { load, writePrismDocument, type LoadResult, type Target } from './http';
import { ensureTmpDir, freePort, isMain, median, startMockChild, startPrism, type MockChild } from './lib';

export interface SmallKind {
  kind: string;
  request: string;
  bodyBytes: number;
  mock: LoadResult;
  ceiling: LoadResult;
  prism?: LoadResult;
  /** mock / ceiling of each round, and their median. */
  ceilingRatios: number[];
  ceilingRatio: number;
  prismRatios?: number[];
  prismRatio?: number;
}

export interface SmallBenchResult {
  durationSeconds: number;
  warmupSeconds: number;
  connections: number;
  quietWaitMs: number;
  maxAttempts: number;
  rounds: number;
  kinds: SmallKind[];
}

interface Probe {
  kind: string;
  request: string;
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  /** The status the mock answers (default 200). */
  status?: number;
  body?: string;
  contentType?: string;
  /** A fresh body per request (token requests: a client assertion may be used once). */
  bodies?: { next: () => string; refill: () => void };
  prism?: { api: string; basePath: string; path: string };
  /**
   * Measure it on a mock started for each round and closed after it. A 202 receipt leaves work behind
   * (tens of thousands of orders processed after their receipt); on the shared mock it would slow the
   * kinds measured after it.
   */
  freshMockPerRound?: boolean;
}

/** A target, and for the mock's target of a `freshMockPerRound` probe that probe. */
type MeasuredTarget = Target & { readonly freshMockFor?: Probe };

/** Loads a target; the mock's target of a `freshMockPerRound` probe on a mock of its own, closed afterwards with the work it was left. */
async function loadTarget(target: MeasuredTarget, settings: Parameters<typeof load>[1]): Promise<LoadResult> {
  if (!target.freshMockFor) return load(target, settings);
  const own = await startMockChild();
  try {
    const { path, contentType } = target.freshMockFor;
    return await load(
      { ...target, url: `${own.url}${path}`, headers: { ...own.headers, ...(contentType ? { 'content-type': contentType } : {}) }, pid: own.pid },
      settings,
    );
  } finally {
    await own.close();
  }
}

async function answer(mock: MockChild, probe: Probe): Promise<{ status: number; text: string }> {
  const response = await fetch(`${mock.url}${probe.path}`, {
    method: probe.method,
    headers: { ...mock.headers, ...(probe.contentType ? { 'content-type': probe.contentType } : {}) },
    ...(probe.bodies ? { body: probe.bodies.next() } : probe.body ? { body: probe.body } : {}),
  });
  return { status: response.status, text: await response.text() };
}

/**
 * The demo client's token requests: every one a new signed assertion (a jti is accepted once, an
 * assertion lives 60 s), signed by `refill` before each measurement so signing does not load this
 * process while the mock is measured.
 */
function tokenBodies(mockUrl: string, count: number): { next: () => string; refill: () => void } {
  const client = loadClients().clients.find((candidate) => candidate.clientId === 'demo-bestelomgeving')!;
  const endpoint = `${mockUrl}/oauth2/token`;
  const body = () =>
    new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: clientAssertion(client, endpoint),
      scope: 'eduv.student.basic',
    }).toString();
  let bodies: string[] = [];
  let next = 0;
  return {
    // Past the pool it signs on demand, which slows the load generator a little.
    next: () => bodies[next++] ?? body(),
    refill: () => {
      bodies = Array.from({ length: count }, body);
      next = 0;
    },
  };
}

export async function runSmallBench(
  options: { durationSeconds?: number; warmupSeconds?: number; connections?: number; rounds?: number } = {},
): Promise<SmallBenchResult> {
  // No waiting for a quiet machine and no repeats: both servers of a pair see the same machine
  // within seconds, and their ratio is what counts (the shared machine is rarely quiet).
  const settings = {
    durationSeconds: options.durationSeconds ?? 5,
    warmupSeconds: options.warmupSeconds ?? 1,
    connections: options.connections ?? 10,
    quietWaitMs: 0,
    maxAttempts: 1,
  };
  const rounds = options.rounds ?? 3;
  const closers: (() => Promise<void>)[] = [];
  try {
    const mock = await startMockChild();
    closers.push(mock.close);
    const tokenPool = tokenBodies(mock.url, 5_000);
    tokenPool.refill();
    const po = mock.schools.find((school) => school.sector === 'po')!;
    const vo = mock.schools.find((school) => school.students === 500)!;
    const groups = JSON.parse(
      (await answer(mock, { kind: '', request: '', method: 'GET', path: `/association-api/v1/groups/school?orgMasterId=${po.orgMasterId}` })).text,
    ) as { groupId?: string; id?: string }[];
    const groupId = groups[0]!.groupId ?? groups[0]!.id!;
    const students = JSON.parse(
      (await answer(mock, { kind: '', request: '', method: 'GET', path: `/students-api/v1/students/school?orgMasterId=${po.orgMasterId}` })).text,
    ) as { userMasterIdentifier?: string }[];
    const eckId = students.find((student) => student.userMasterIdentifier)!.userMasterIdentifier!;
    const products = JSON.parse((await answer(mock, { kind: '', request: '', method: 'GET', path: '/catalogue-api/v2/products' })).text) as {
      productId: string;
      type?: string;
    }[];
    const productId = (products.find((product) => product.type === 'digital') ?? products[0]!).productId;
    // Every order a new requestReferenceId: a repeated one would be a repeat, not a new receipt.
    const random = createRandom(12);
    const orders = { next: () => JSON.stringify(orderRequest(random, { productId })), refill: () => undefined };
    const probes: Probe[] = [
      {
        kind: 'small answer',
        request: `GET /education-api/v1/organisations?orgMasterId=${po.orgMasterId}`,
        method: 'GET',
        path: `/education-api/v1/organisations?orgMasterId=${po.orgMasterId}`,
        prism: { api: 'education', basePath: '/education-api/v1', path: '/organisations' },
      },
      {
        kind: 'by-id read',
        request: 'GET /association-api/v1/groups/school/{id}?orgMasterId=…',
        method: 'GET',
        path: `/association-api/v1/groups/school/${encodeURIComponent(groupId)}?orgMasterId=${po.orgMasterId}`,
      },
      {
        kind: 'POST search',
        request: 'POST /students-api/v1/students {school, student: {userMasterIdentifier}}',
        method: 'POST',
        path: '/students-api/v1/students',
        contentType: 'application/json',
        body: JSON.stringify({ school: { organisationMasterIdentifier: po.orgMasterId }, student: { userMasterIdentifier: eckId } }),
      },
      {
        kind: 'token request',
        request: 'POST /oauth2/token (client credentials, private_key_jwt, a new assertion each)',
        method: 'POST',
        path: '/oauth2/token',
        contentType: 'application/x-www-form-urlencoded',
        bodies: tokenPool,
      },
      {
        kind: '202 receipt',
        request: 'PUT /order-api/v0/orders (a new order each; the mock as Ordersysteem)',
        method: 'PUT',
        path: '/order-api/v0/orders',
        status: 202,
        contentType: 'application/json',
        bodies: orders,
        freshMockPerRound: true,
      },
      {
        kind: 'large answer (385 KiB)',
        request: `GET /students-api/v1/students/school?orgMasterId=${vo.orgMasterId}`,
        method: 'GET',
        path: `/students-api/v1/students/school?orgMasterId=${vo.orgMasterId}`,
      },
    ];

    const pairs: { probe: Probe; bodyBytes: number; targets: MeasuredTarget[] }[] = [];
    for (const probe of probes) {
      const sample = await answer(mock, probe);
      if (sample.status !== (probe.status ?? 200)) throw new Error(`${probe.kind}: the mock answered ${sample.status}: ${sample.text.slice(0, 300)}`);
      const bodyFile = join(ensureTmpDir(), `small-${probe.kind.replace(/\W+/g, '-')}.json`);
      writeFileSync(bodyFile, sample.text);
      const ceiling = await startMockChild({ ceilingBodyFile: bodyFile, ceilingStatus: probe.status ?? 200 });
      closers.push(ceiling.close);
      const headers = { ...mock.headers, ...(probe.contentType ? { 'content-type': probe.contentType } : {}) };
      const request = {
        method: probe.method,
        ...(probe.body ? { body: probe.body } : {}),
        ...(probe.bodies
          ? { requests: [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, body: probe.bodies!.next() }) }], prepare: probe.bodies.refill }
          : {}),
      };
      const targets: MeasuredTarget[] = [
        {
          label: `mock: ${probe.kind}`,
          command: probe.request,
          url: `${mock.url}${probe.path}`,
          headers,
          pid: mock.pid,
          ...request,
          ...(probe.freshMockPerRound ? { freshMockFor: probe } : {}),
        },
        // The ceiling gets the same requests; it answers the mock's bytes without looking at them.
        {
          label: `ceiling: ${probe.kind}`,
          command: 'bench/ceiling-child.ts',
          url: `${ceiling.url}${probe.path}`,
          headers,
          pid: ceiling.pid,
          ...request,
          ...(probe.bodies ? { requests: undefined, prepare: undefined, body: probe.bodies.next() } : {}),
        },
      ];
      if (probe.prism) {
        const port = await freePort();
        const spec = writePrismDocument(JSON.parse(sample.text), port, probe.prism);
        const pathOnly = probe.path;
        const prism = await startPrism(spec, port, [], 'prism-small', pathOnly, mock.headers);
        closers.push(prism.close);
        const prismText = await (await fetch(`${prism.url}${pathOnly}`, { headers: mock.headers })).text();
        if (prismText !== sample.text) throw new Error(`${probe.kind}: Prism's body differs from the mock's`);
        targets.push({
          label: `Prism: ${probe.kind}`,
          command: `prism mock ${spec.slice(spec.indexOf('.tmp'))}`,
          url: `${prism.url}${pathOnly}`,
          headers,
          pid: prism.pid,
          method: 'GET',
        });
      }
      pairs.push({ probe, bodyBytes: Buffer.byteLength(sample.text), targets });
    }

    const measured = new Map<string, LoadResult[]>();
    for (let round = 1; round <= rounds; round++) {
      console.log(`  round ${round} of ${rounds}`);
      for (const { targets } of pairs) {
        for (const target of targets) {
          const list = measured.get(target.label) ?? [];
          list.push(await loadTarget(target, settings));
          measured.set(target.label, list);
        }
      }
    }
    const medianRound = (all: LoadResult[]): LoadResult => [...all].sort((a, b) => a.reqPerSec - b.reqPerSec)[Math.floor((all.length - 1) / 2)]!;
    const kinds = pairs.map(({ probe, bodyBytes }) => {
      const mockRounds = measured.get(`mock: ${probe.kind}`)!;
      const ceilingRounds = measured.get(`ceiling: ${probe.kind}`)!;
      const prismRounds = measured.get(`Prism: ${probe.kind}`);
      const ceilingRatios = mockRounds.map((result, index) => result.reqPerSec / ceilingRounds[index]!.reqPerSec);
      const prismRatios = prismRounds?.map((result, index) => mockRounds[index]!.reqPerSec / result.reqPerSec);
      return {
        kind: probe.kind,
        request: probe.request,
        bodyBytes,
        mock: { ...medianRound(mockRounds), rounds: mockRounds.map((result) => ({ reqPerSec: result.reqPerSec })) },
        ceiling: { ...medianRound(ceilingRounds), rounds: ceilingRounds.map((result) => ({ reqPerSec: result.reqPerSec })) },
        ...(prismRounds ? { prism: { ...medianRound(prismRounds), rounds: prismRounds.map((result) => ({ reqPerSec: result.reqPerSec })) } } : {}),
        ceilingRatios,
        ceilingRatio: median(ceilingRatios),
        ...(prismRatios ? { prismRatios, prismRatio: median(prismRatios) } : {}),
      };
    });
    return { ...settings, rounds, kinds };
  } finally {
    for (const close of closers.reverse()) await close().catch(() => undefined);
  }
}

if (isMain(import.meta.url)) {
  const result = await runSmallBench();
  console.log(JSON.stringify(result, null, 2));
}
