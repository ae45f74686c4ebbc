// Benchmark 6 (issue #12): the mock under mixed load. 200 keep-alive connections on 127.0.0.1 for
// 60 s, each running a mix of every API's reads, POST searches, token requests and admin changes,
// while the mock pushes the notifications those changes cause to a receiver in this process.
// Bounded in time; stops by itself. Run: node --conditions=@eduvkit/source --import tsx bench/load.ts
import { Agent, createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { loadClients } from '@eduvkit/mock-server';
import { clientAssertion } from './auth';
import { isMain, median, startMockChild, type HeapAfterGc } from './lib';

interface Kind {
  name: string;
  /** How many of every 100 requests are of this kind. */
  weight: number;
  next: () => { method: string; path: string; body?: string; contentType?: string };
}

export interface KindResult {
  name: string;
  count: number;
  p50: number;
  p99: number;
  max: number;
  statuses: Record<string, number>;
}

export interface LoadTestResult {
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  total: number;
  errors: number;
  /** Client-side failures by kind and reason (e.g. the 10 s timeout of this load generator). */
  errorKinds: Record<string, number>;
  /** The longest stall of this process's event loop during the run. */
  loadGeneratorLoopDelayMaxMs: number;
  fiveXx: number;
  unexpected: number;
  kinds: KindResult[];
  notificationsReceived: number;
  rssSamples: { second: number; rss: number }[];
  rssAfterWarmup: number;
  rssEnd: number;
  rssMax: number;
  rssGrowth: number;
  /** Median RSS over the first and the last 10 s of the measured window, and the growth between them (what the target judges). */
  rssFirstWindow: number;
  rssLastWindow: number;
  rssWindowGrowth: number;
  /** After a forced full collection at the end of the warm-up and at the end: what is retained. */
  retainedAfterWarmup: HeapAfterGc;
  /** Seconds from the first probe of the retained heap to the end of the run. */
  retainedSeconds: number;
  retainedEnd: HeapAfterGc;
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0);

export async function runLoadTest(options: { connections?: number; durationSeconds?: number; warmupSeconds?: number } = {}): Promise<LoadTestResult> {
  const connections = options.connections ?? 200;
  const durationSeconds = options.durationSeconds ?? 60;
  const warmupSeconds = options.warmupSeconds ?? 20;
  const mock = await startMockChild({ execArgv: ['--expose-gc'] });
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  let notificationsReceived = 0;
  // A consumer catches up from the last notification it saw (here: the newest one pushed, less 2 s of overlap).
  let newestCreated = Date.now();
  const receiver = createServer((incoming, outgoing) => {
    let text = '';
    incoming.setEncoding('utf8');
    incoming.on('data', (chunk: string) => (text += chunk));
    incoming.on('end', () => {
      try {
        const batch = JSON.parse(text) as { created?: string }[];
        notificationsReceived += Array.isArray(batch) ? batch.length : 1;
        const created = Array.isArray(batch) ? Date.parse(batch.at(-1)?.created ?? '') : Number.NaN;
        if (created > newestCreated) newestCreated = created;
      } catch {
        notificationsReceived += 0;
      }
      outgoing.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;

  const send = (method: string, path: string, body?: string, contentType = 'application/json', headers: Record<string, string> = mock.headers) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const request = httpRequest(`${mock.url}${path}`, {
        method,
        agent,
        headers: { ...headers, ...(body !== undefined ? { 'content-type': contentType, 'content-length': Buffer.byteLength(body) } : {}) },
      });
      request.setTimeout(10_000, () => request.destroy(new Error('timeout')));
      request.on('error', reject);
      request.on('response', (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode!, text }));
        response.on('error', reject);
      });
      request.end(body);
    });

  try {
    const po = mock.schools.find((school) => school.sector === 'po')!;
    const schools = mock.schools.map((school) => school.orgMasterId);
    await send('PUT', '/_admin/clients/demo-bestelomgeving/callback', JSON.stringify({ url: receiverUrl }));
    for (const api of ['students-api', 'employees-api', 'association-api']) {
      const subscribed = await send('POST', `/notifications-api/v0/subscribe/${api}`, '{}');
      if (subscribed.status >= 300) throw new Error(`subscribe ${api}: ${subscribed.status} ${subscribed.text.slice(0, 200)}`);
    }
    // Only students with an ECK iD: a search or change by a missing one is (rightly) a 400 / 404.
    const students = (
      JSON.parse((await send('GET', `/students-api/v1/students/school?orgMasterId=${po.orgMasterId}`)).text) as { userMasterIdentifier?: string }[]
    ).filter((student): student is { userMasterIdentifier: string } => typeof student.userMasterIdentifier === 'string');
    const groups = JSON.parse((await send('GET', `/association-api/v1/groups/school?orgMasterId=${po.orgMasterId}`)).text) as {
      groupId?: string;
      id?: string;
    }[];
    const client = loadClients().clients.find((candidate) => candidate.clientId === 'demo-bestelomgeving')!;
    let counter = 0;
    const pick = <T>(items: readonly T[]) => items[counter % items.length]!;
    const kinds: Kind[] = [
      { name: 'Students list (school)', weight: 12, next: () => ({ method: 'GET', path: `/students-api/v1/students/school?orgMasterId=${pick(schools)}` }) },
      {
        name: 'Students POST search',
        weight: 14,
        next: () => ({
          method: 'POST',
          path: '/students-api/v1/students',
          body: JSON.stringify({
            school: { organisationMasterIdentifier: po.orgMasterId },
            student: { userMasterIdentifier: pick(students).userMasterIdentifier },
          }),
        }),
      },
      { name: 'Employees list (school)', weight: 10, next: () => ({ method: 'GET', path: `/employees-api/v1/employees/school?orgMasterId=${pick(schools)}` }) },
      { name: 'Education organisations', weight: 14, next: () => ({ method: 'GET', path: `/education-api/v1/organisations?orgMasterId=${pick(schools)}` }) },
      {
        name: 'Education study offerings',
        weight: 8,
        next: () => ({ method: 'GET', path: `/education-api/v1/studyofferings/school?orgMasterId=${pick(schools)}` }),
      },
      {
        name: 'Association group by id',
        weight: 14,
        next: () => {
          const group = pick(groups);
          return { method: 'GET', path: `/association-api/v1/groups/school/${encodeURIComponent(group.groupId ?? group.id!)}?orgMasterId=${po.orgMasterId}` };
        },
      },
      {
        name: 'Association enrollments',
        weight: 6,
        next: () => ({ method: 'GET', path: `/association-api/v1/enrollments/school?orgMasterId=${po.orgMasterId}` }),
      },
      { name: 'Consent statuses', weight: 8, next: () => ({ method: 'GET', path: '/consent-api/v0/consent/statuses' }) },
      {
        name: 'Notifications catch-up',
        weight: 6,
        next: () => ({ method: 'GET', path: `/notifications-api/v0/notifications?since=${new Date(newestCreated - 2_000).toISOString()}` }),
      },
      {
        name: 'Token request',
        weight: 5,
        next: () => ({
          method: 'POST',
          path: '/oauth2/token',
          contentType: 'application/x-www-form-urlencoded',
          body: new URLSearchParams({
            grant_type: 'client_credentials',
            client_id: client.clientId,
            client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
            client_assertion: clientAssertion(client, `${mock.url}/oauth2/token`),
            scope: 'eduv.student.basic',
          }).toString(),
        }),
      },
      {
        name: 'Admin change (PATCH student)',
        weight: 3,
        next: () => ({
          method: 'PATCH',
          path: `/_admin/schools/${po.orgMasterId}/students/${encodeURIComponent(pick(students).userMasterIdentifier)}`,
          body: JSON.stringify({ givenName: `Load${counter}` }),
        }),
      },
    ];
    // Every kind must answer 2xx before the load starts, so a wrong request is not counted as the mock's error.
    for (const kind of kinds) {
      const probe = kind.next();
      const answered = await send(probe.method, probe.path, probe.body, probe.contentType);
      if (answered.status >= 300) throw new Error(`${kind.name}: ${answered.status} ${answered.text.slice(0, 200)}`);
    }
    const schedule = kinds.flatMap((kind) => Array.from({ length: kind.weight }, () => kind));
    const latencies = new Map(kinds.map((kind) => [kind.name, [] as number[]]));
    const statuses = new Map(kinds.map((kind) => [kind.name, {} as Record<string, number>]));
    let errors = 0;
    const errorKinds: Record<string, number> = {};
    // If this process's own event loop stalls, its socket timeouts fire before it reads the answers.
    const loopDelay = monitorEventLoopDelay({ resolution: 20 });
    loopDelay.enable();
    const started = performance.now();
    const measureFrom = started + warmupSeconds * 1000;
    const stopAt = started + (warmupSeconds + durationSeconds) * 1000;
    const rssSamples: { second: number; rss: number }[] = [];
    const sampler = setInterval(() => {
      void mock.rss().then((rss) => rssSamples.push({ second: Math.round((performance.now() - started) / 1000), rss }));
    }, 2_000);
    const worker = async (index: number) => {
      let position = index * 7;
      while (performance.now() < stopAt) {
        const kind = schedule[position++ % schedule.length]!;
        counter += 1;
        const request = kind.next();
        const begun = performance.now();
        try {
          const { status } = await send(request.method, request.path, request.body, request.contentType);
          if (begun >= measureFrom) {
            latencies.get(kind.name)!.push(performance.now() - begun);
            const counts = statuses.get(kind.name)!;
            counts[status] = (counts[status] ?? 0) + 1;
          }
        } catch (error) {
          if (begun >= measureFrom) {
            errors += 1;
            const reason = error instanceof Error ? `${kind.name}: ${error.message}` : kind.name;
            errorKinds[reason] = (errorKinds[reason] ?? 0) + 1;
          }
        }
      }
    };
    let retainedAfterWarmup: HeapAfterGc | undefined;
    // The probe's forced collection shrinks the heap V8 keeps committed, and RSS takes a while to
    // grow back under load: probed a quarter into the warm-up, it does not pull down the first window.
    const retainedProbe = setTimeout(() => void mock.heapAfterGc().then((heap) => (retainedAfterWarmup = heap)), (warmupSeconds * 1000) / 4);
    await Promise.all(Array.from({ length: connections }, (_, index) => worker(index)));
    clearInterval(sampler);
    clearTimeout(retainedProbe);
    const retainedEnd = await mock.heapAfterGc();
    loopDelay.disable();
    const results: KindResult[] = kinds.map((kind) => {
      const sorted = latencies.get(kind.name)!.sort((a, b) => a - b);
      return {
        name: kind.name,
        count: sorted.length,
        p50: percentile(sorted, 50),
        p99: percentile(sorted, 99),
        max: sorted.at(-1) ?? 0,
        statuses: statuses.get(kind.name)!,
      };
    });
    const all = results.flatMap((result) => Object.entries(result.statuses));
    const afterWarmup = rssSamples.find((sample) => sample.second >= warmupSeconds)?.rss ?? rssSamples[0]!.rss;
    const rssEnd = rssSamples.at(-1)!.rss;
    // Single samples catch RSS wherever GC left it (the first one comes just after the forced
    // collection of the retained-heap probe); a median over 10 s at each end shows the drift.
    const windowMedian = (from: number, to: number): number => {
      const inWindow = rssSamples.filter((sample) => sample.second >= from && sample.second <= to).map((sample) => sample.rss);
      return inWindow.length ? median(inWindow) : rssEnd;
    };
    const rssFirstWindow = windowMedian(warmupSeconds, warmupSeconds + 10);
    const rssLastWindow = windowMedian(warmupSeconds + durationSeconds - 10, warmupSeconds + durationSeconds + 2);
    return {
      connections,
      durationSeconds,
      warmupSeconds,
      total: results.reduce((sum, result) => sum + result.count, 0),
      errors,
      errorKinds,
      loadGeneratorLoopDelayMaxMs: loopDelay.max / 1e6,
      fiveXx: all.filter(([status]) => Number(status) >= 500).reduce((sum, [, count]) => sum + count, 0),
      unexpected: all.filter(([status]) => Number(status) >= 300).reduce((sum, [, count]) => sum + count, 0),
      kinds: results,
      notificationsReceived,
      rssSamples,
      rssAfterWarmup: afterWarmup,
      rssEnd,
      rssMax: Math.max(...rssSamples.filter((sample) => sample.second >= warmupSeconds).map((sample) => sample.rss)),
      rssGrowth: rssEnd / afterWarmup - 1,
      rssFirstWindow,
      rssLastWindow,
      rssWindowGrowth: rssLastWindow / rssFirstWindow - 1,
      retainedAfterWarmup: retainedAfterWarmup ?? retainedEnd,
      retainedSeconds: durationSeconds + (warmupSeconds * 3) / 4,
      retainedEnd,
    };
  } finally {
    agent.destroy();
    receiver.closeAllConnections();
    receiver.close();
    await mock.close();
  }
}

if (isMain(import.meta.url)) {
  const result = await runLoadTest();
  console.log(JSON.stringify(result, null, 2));
}
