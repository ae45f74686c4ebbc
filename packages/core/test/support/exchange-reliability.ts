import { createOntvanger, operationUrl, type ExchangeConfirmation } from '../../src/exchange';
import { statusAnswer } from '../../src/server';
import { serveNode } from '../../src/server/node';
import { anOrder, orderApi } from './exchange-api';
import { authenticateByToken, FAST, put, startCycle, type Gate } from './exchange-harness';

export interface ReliabilityOptions {
  /** Requests PUT to the ontvanger; default 500. */
  requests?: number;
  /** Share of them that repeat a reference id already used; default 0.1. */
  repeatShare?: number;
  /** Share of confirmation deliveries the verzender's endpoint answers 503; default 0.3. */
  failureShare?: number;
  seed?: number;
  /** Give up waiting for the confirmations after this long; default 60 000 ms (a loaded CI machine is slow). */
  timeoutMs?: number;
}

export interface ReliabilityResult {
  requests: number;
  uniqueReferenceIds: number;
  repeats: number;
  /** Requests (sends and repeats) the ontvanger did not answer 202. */
  not202: number;
  confirmed: number;
  lost: number;
  /** Reference ids process() was called for more than once. */
  processedTwice: number;
  /** Reference ids whose confirmations at the endpoint carried different receipt ids. */
  receiptConflicts: number;
  /** Confirmation PUTs the endpoint failed on purpose. */
  failedDeliveries: number;
  confirmationsDelivered: number;
  durationMs: number;
}

/** A small seeded generator (mulberry32), so a failing run can be repeated. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Issue 9's reliability scenario: many concurrent requests, some with a reference id used before,
 * over two ontvanger instances sharing one store, while the verzender's confirmation endpoint
 * fails a share of deliveries. Counts what the verzender's mediator and the ontvanger saw.
 */
export async function runReliabilityScenario(options: ReliabilityOptions = {}): Promise<ReliabilityResult> {
  const requests = options.requests ?? 500;
  const repeats = Math.round(requests * (options.repeatShare ?? 0.1));
  const unique = requests - repeats;
  const failureShare = options.failureShare ?? 0.3;
  const random = seededRandom(options.seed ?? 9);
  const processCounts = new Map<string, number>();
  let failedDeliveries = 0;
  const gate: Gate = (request) => {
    if (request.method !== 'PUT' || random() >= failureShare) return undefined;
    failedDeliveries += 1;
    return statusAnswer(orderApi.version, 503, 99, 'failing on purpose');
  };
  const process = (request: { referenceId: string }) => {
    processCounts.set(request.referenceId, (processCounts.get(request.referenceId) ?? 0) + 1);
    return { orderStatus: 'approved' };
  };
  const instanceUrls: string[] = [];
  const pickInstance = (): string => instanceUrls[Math.floor(random() * instanceUrls.length)]!;
  // A generous timeout: on a loaded machine a 2 s one only adds (harmless) repeats.
  const tuning = { deliveryConcurrency: 32, processConcurrency: 8, timeoutMs: 10_000 };
  const cycle = await startCycle({
    process,
    gate,
    ontvanger: tuning,
    verzender: { ...tuning, confirmationPollMs: 500, requestUrl: (operation) => operationUrl(pickInstance(), operation) },
  });
  const second = createOntvanger({
    registry: orderApi,
    store: cycle.ontvangerStore,
    process,
    confirmationUrl: (_peer, operation) => operationUrl(cycle.verzenderUrl, operation),
    authorization: () => 'token-of-ordersysteem',
    authenticate: authenticateByToken,
    ...FAST,
    ...tuning,
  });
  const secondServer = await serveNode((request) => second.answer(request), { apiVersion: orderApi.version });
  instanceUrls.push(cycle.ontvangerUrl, `${secondServer.url}${orderApi.basePath}`);

  const started = performance.now();
  try {
    const bodies = Array.from({ length: unique }, (_, index) => anOrder({ requestReferenceId: `reliability-${index}` }));
    let not202 = 0;
    const sending = bodies.map((body) => cycle.verzender.send('placeOrder', body));
    const repeating = Array.from({ length: repeats }, (_, index) =>
      put(`${pickInstance()}/orders`, bodies[index % unique]).then((response) => {
        if (response.status !== 202) not202 += 1;
      }),
    );
    const [handles] = await Promise.all([Promise.all(sending), Promise.all(repeating)]);
    const settled = await Promise.allSettled(
      handles.map((handle) => cycle.verzender.awaitConfirmation(handle.referenceId, { timeoutMs: options.timeoutMs ?? 60_000 })),
    );
    const confirmed = settled.filter((result): result is PromiseFulfilledResult<ExchangeConfirmation> => result.status === 'fulfilled');
    const receipts = new Map<string, Set<string>>();
    for (const body of cycle.confirmationsAtEndpoint as Record<string, string>[]) {
      const seen = receipts.get(body.requestReferenceId!) ?? new Set<string>();
      receipts.set(body.requestReferenceId!, seen.add(body.responseReferenceId!));
    }
    return {
      requests,
      uniqueReferenceIds: unique,
      repeats,
      not202,
      confirmed: confirmed.length,
      lost: unique - confirmed.length,
      processedTwice: [...processCounts.values()].filter((count) => count > 1).length,
      receiptConflicts: [...receipts.values()].filter((seen) => seen.size > 1).length,
      failedDeliveries,
      confirmationsDelivered: cycle.confirmationsAtEndpoint.length,
      durationMs: performance.now() - started,
    };
  } finally {
    await second.close();
    await secondServer.close();
    await cycle.close();
  }
}
