// Benchmark (issue 9): the melding–bevestiging machinery of @eduvkit/core/exchange.
//   1. The ontvanger's receive endpoint (validate, store under the reference id, 202) next to a bare
//      node:http server that reads the body and answers 202, each in its own process, in the same run.
//   2. The reliability scenario of the tests (500 concurrent requests, 10 % repeats, 30 % failing
//      confirmation deliveries, two ontvanger instances on one store), timed.
// Run from the repository root: node --conditions=@eduvkit/source --import tsx bench/exchange.ts [--quick]
// The Order registry is the hand-built one of core's tests until @eduvkit/order exists.
import { fork, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReliabilityResult } from '../packages/core/test/support/exchange-reliability';
import { load, type LoadResult, type Target } from './http';
import { BENCH_DIR, fmt, fmtInt, fmtRatio, isMain, machineInfo, markdownTable, median, NODE_FLAGS, REPO_ROOT } from './lib';

const START = '<!-- exchange:start -->';
const END = '<!-- exchange:end -->';
const BASE_PATH = '/order-api/v0';
const TOKEN = 'eduvkit-bench-verzender';

/** In a child process: serve the ontvanger's receive endpoint (processing off) or the bare 202 server. */
async function serveChild(kind: string): Promise<void> {
  let url: string;
  let close: () => Promise<void>;
  if (kind === 'ontvanger') {
    const { createInMemoryExchangeStore, createOntvanger } = await import('@eduvkit/core/exchange');
    const { serveNode } = await import('@eduvkit/core/server/node');
    const { BronError } = await import('@eduvkit/core/server');
    const { orderApi } = await import('../packages/core/test/support/exchange-api');
    const ontvanger = createOntvanger({
      registry: orderApi,
      store: createInMemoryExchangeStore(),
      process: () => ({ orderStatus: 'approved' }),
      confirmationUrl: () => undefined,
      // The receipt alone is measured: no processing or delivery competes for this process's CPU.
      autoStart: false,
      authenticate: (request) => {
        if (request.headers.get('authorization') !== `Bearer ${TOKEN}`) throw BronError.unauthenticated('unknown token');
        return { clientId: 'bench-verzender', scopes: 'all' };
      },
    });
    const server = await serveNode((request) => ontvanger.answer(request), { apiVersion: orderApi.version });
    url = server.url;
    close = async () => {
      await ontvanger.close();
      await server.close();
    };
  } else {
    const server = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        response.writeHead(202, { 'content-length': '0', 'api-version': '0.9.2' });
        response.end();
      });
    });
    server.keepAliveTimeout = 65_000;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
  }
  process.on('disconnect', () => process.exit(0));
  process.on('message', (message) => {
    if (message === 'close') void close().finally(() => process.exit(0));
  });
  process.send!({ type: 'ready', url });
}

function startChild(kind: string): Promise<{ url: string; pid: number; close(): Promise<void> }> {
  const child: ChildProcess = fork(join(BENCH_DIR, 'exchange.ts'), [], {
    cwd: REPO_ROOT,
    execArgv: [...NODE_FLAGS],
    env: { ...process.env, BENCH_EXCHANGE_CHILD: kind },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${kind} child exited early (code ${code})`)));
    child.once('message', (message: { url: string }) =>
      resolve({
        url: message.url,
        pid: child.pid!,
        close: () =>
          new Promise<void>((done) => {
            child.removeAllListeners('exit');
            child.once('exit', () => done());
            child.send('close');
          }),
      }),
    );
  });
}

/** Every request a new reference id: a repeated one takes the (cheaper) repeat path. */
function freshOrders(label: string) {
  let next = 0;
  return [
    {
      setupRequest: (request: Record<string, unknown>) => ({
        ...request,
        body: JSON.stringify({
          requestReferenceId: `${label}-${process.pid}-${next++}`,
          school: 'bench-school',
          orderLines: [{ productId: '9789034567897', quantity: 25 }],
        }),
      }),
    },
  ];
}

export interface ExchangeBenchResult {
  durationSeconds: number;
  warmupSeconds: number;
  connections: number;
  rounds: number;
  ontvanger: LoadResult[];
  bare: LoadResult[];
  ratios: number[];
  ratio: number;
  reliability: ReliabilityResult;
}

export async function runExchangeBench(quick: boolean): Promise<ExchangeBenchResult> {
  const settings = quick
    ? { durationSeconds: 3, warmupSeconds: 1, connections: 10, rounds: 1 }
    : { durationSeconds: 5, warmupSeconds: 1, connections: 10, rounds: 3 };
  const ontvanger = await startChild('ontvanger');
  const bare = await startChild('bare');
  const headers = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
  const results = { ontvanger: [] as LoadResult[], bare: [] as LoadResult[] };
  try {
    for (let round = 1; round <= settings.rounds; round++) {
      console.log(`round ${round}/${settings.rounds}`);
      const targets: [keyof typeof results, Target][] = [
        [
          'ontvanger',
          {
            label: 'ontvanger: PUT /orders → 202',
            command: 'createOntvanger + serveNode, in-memory store',
            url: `${ontvanger.url}${BASE_PATH}/orders`,
            headers,
            method: 'PUT',
            requests: freshOrders(`o${round}`),
            pid: ontvanger.pid,
          },
        ],
        [
          'bare',
          {
            label: 'bare node:http: read body, 202',
            command: 'node:http createServer',
            url: `${bare.url}${BASE_PATH}/orders`,
            headers,
            method: 'PUT',
            requests: freshOrders(`b${round}`),
            pid: bare.pid,
          },
        ],
      ];
      for (const [name, target] of targets) results[name].push(await load(target, { ...settings, quietWaitMs: quick ? 1_000 : 10_000, maxAttempts: 1 }));
    }
  } finally {
    await Promise.all([ontvanger.close(), bare.close()]);
  }
  const ratios = results.ontvanger.map((result, index) => result.reqPerSec / results.bare[index]!.reqPerSec);
  console.log('reliability scenario …');
  const { runReliabilityScenario } = await import('../packages/core/test/support/exchange-reliability');
  const reliability = await runReliabilityScenario({ requests: 500, repeatShare: 0.1, failureShare: 0.3 });
  return { ...settings, ...results, ratios, ratio: median(ratios), reliability };
}

export function renderExchange(result: ExchangeBenchResult): string {
  const machine = machineInfo();
  const row = (result: LoadResult) => [
    result.label,
    fmtInt(result.reqPerSec),
    `${result.latencyP50} / ${result.latencyP99} ms`,
    `${result.non2xx} / ${result.errors + result.timeouts}`,
    `${fmt((result.otherCpu ?? 0) * 100, 0)} %`,
  ];
  const middle = (list: LoadResult[]) => [...list].sort((a, b) => a.reqPerSec - b.reqPerSec)[Math.floor(list.length / 2)]!;
  const r = result.reliability;
  return `${START}
## 8. The exchange machinery (issue 9)

Run by \`bench/exchange.ts\` on ${new Date().toISOString().slice(0, 10)} at commit \`${machine.gitCommit}\`${machine.gitDirty ? ' (plus uncommitted changes)' : ''}, ${machine.cpuModel}, ${machine.cores} cores shared with other work; Node ${machine.node}.
autocannon, ${result.connections} connections, ${result.warmupSeconds} s warm-up + ${result.durationSeconds} s per server, ${result.rounds} round(s); every request a new \`requestReferenceId\`. The ontvanger validates the body (zod), checks the bearer token against a fixed one, stores the request in the in-memory store and answers 202; its processing and delivery loops are off, so only the receipt is measured. The bare server reads the body and answers 202.

${markdownTable(['server (median round)', '202/s', 'p50 / p99', 'non-2xx / errors', 'other processes’ CPU'], [row(middle(result.ontvanger)), row(middle(result.bare))])}

- Ontvanger / bare per round: ${result.ratios.map(fmtRatio).join(', ')}; median **${fmtRatio(result.ratio)}**.

### Reliability

${markdownTable(
  [
    'requests',
    'repeats',
    'not 202',
    'confirmed',
    'lost',
    'processed twice',
    'receipt id conflicts',
    'failed confirmation PUTs (on purpose)',
    'confirmations delivered',
    'time',
  ],
  [
    [
      fmtInt(r.requests),
      fmtInt(r.repeats),
      fmtInt(r.not202),
      `${fmtInt(r.confirmed)} of ${fmtInt(r.uniqueReferenceIds)}`,
      fmtInt(r.lost),
      fmtInt(r.processedTwice),
      fmtInt(r.receiptConflicts),
      fmtInt(r.failedDeliveries),
      fmtInt(r.confirmationsDelivered),
      `${fmt(r.durationMs / 1000, 1)} s`,
    ],
  ],
)}

500 concurrent requests (450 reference ids sent by a verzender, 50 PUT again straight to the ontvanger), two ontvanger instances sharing one in-memory store, the verzender's confirmation endpoint answering 503 to 30 % of the PUTs; short backoffs (5–40 ms). "Confirmed" is what the verzender's Event Mediator matched; "processed twice" counts reference ids the supplier's \`process\` saw more than once. More confirmations than reference ids were delivered because a repeat is confirmed again (§12.5); a repeat that arrives before its request was processed shares the one confirmation still to come. The same scenario is \`packages/core/test/exchange-reliability.test.ts\`.
${END}`;
}

if (process.env.BENCH_EXCHANGE_CHILD) {
  await serveChild(process.env.BENCH_EXCHANGE_CHILD);
} else if (isMain(import.meta.url)) {
  const result = await runExchangeBench(process.argv.includes('--quick'));
  const section = renderExchange(result);
  const file = join(BENCH_DIR, 'RESULTS.md');
  const current = readFileSync(file, 'utf8');
  const next = current.includes(START)
    ? current.replace(new RegExp(`${START}[\\s\\S]*${END}`), section)
    : current.replace(/\n---\n_Numbers from one run/, `\n${section}\n\n---\n_Numbers from one run`);
  writeFileSync(file, next);
  console.log(section);
}
