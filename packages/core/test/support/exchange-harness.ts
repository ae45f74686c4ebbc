import {
  createInMemoryExchangeStore,
  createOntvanger,
  createVerzender,
  operationUrl,
  type ExchangeEvent,
  type ExchangeRequest,
  type ExchangeStore,
  type OntvangerOptions,
  type ProcessRequest,
  type VerzenderOptions,
} from '../../src/exchange';
import type { BronRequest } from '../../src/server';
import { BronError, type BronAnswer, type CallerContext } from '../../src/server';
import { serveNode } from '../../src/server/node';
import { orderApi } from './exchange-api';

export const BESTELOMGEVING = 'bestelomgeving';
export const ORDERSYSTEEM = 'ordersysteem';
export const TOKENS: Record<string, string> = { 'token-of-bestelomgeving': BESTELOMGEVING, 'token-of-ordersysteem': ORDERSYSTEEM };

/** Knows each party by the token it sends, as a real token verifier would by the token's client id. */
export const authenticateByToken = (request: BronRequest): CallerContext => {
  const token = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
  const clientId = token === undefined ? undefined : TOKENS[token];
  if (!clientId) throw BronError.unauthenticated('unknown access token');
  return { clientId, scopes: 'all' };
};

/** Short loops and backoffs, so retries happen within milliseconds. */
export const FAST = { pollIntervalMs: 10, retry: { baseDelayMs: 5, maxDelayMs: 40 }, timeoutMs: 2_000 } as const;

/** Answers instead of the verzender's confirmation endpoint when it returns an answer (an outage). */
export type Gate = (request: BronRequest) => BronAnswer | undefined;

export interface CycleOptions {
  process?: ProcessRequest;
  gate?: Gate;
  ontvanger?: Partial<OntvangerOptions<typeof orderApi>>;
  verzender?: Partial<VerzenderOptions<typeof orderApi>>;
  ontvangerStore?: ExchangeStore;
}

/** A verzender (Bestelomgeving) and an ontvanger (Ordersysteem), each behind its own HTTP server on 127.0.0.1. */
export async function startCycle(options: CycleOptions = {}) {
  const ontvangerStore = options.ontvangerStore ?? createInMemoryExchangeStore();
  const verzenderStore = createInMemoryExchangeStore();
  const processed: ExchangeRequest[] = [];
  const ontvangerEvents: ExchangeEvent[] = [];
  const verzenderEvents: ExchangeEvent[] = [];
  const confirmationsAtEndpoint: unknown[] = [];

  // eslint-disable-next-line prefer-const -- the server answers only after the verzender exists
  let verzender: ReturnType<typeof createVerzender>;
  const verzenderServer = await serveNode(
    async (request) => {
      const refused = options.gate?.(request);
      if (refused) return refused;
      if (request.method === 'PUT') confirmationsAtEndpoint.push(JSON.parse(await request.text()));
      return verzender.answer(request);
    },
    { apiVersion: orderApi.version },
  );
  const ontvanger = createOntvanger({
    registry: orderApi,
    store: ontvangerStore,
    process: async (request, context) => {
      processed.push(request);
      return options.process ? options.process(request, context) : { orderStatus: 'approved' };
    },
    confirmationUrl: (peer, operation) => (peer === BESTELOMGEVING ? operationUrl(`${verzenderServer.url}${orderApi.basePath}`, operation) : undefined),
    authorization: () => 'token-of-ordersysteem',
    authenticate: authenticateByToken,
    onEvent: (event) => ontvangerEvents.push(event),
    ...FAST,
    ...options.ontvanger,
  });
  const ontvangerServer = await serveNode((request) => ontvanger.answer(request), { apiVersion: orderApi.version });
  verzender = createVerzender({
    registry: orderApi,
    store: verzenderStore,
    baseUrl: `${ontvangerServer.url}${orderApi.basePath}`,
    authorization: () => 'token-of-bestelomgeving',
    authenticate: authenticateByToken,
    onEvent: (event) => verzenderEvents.push(event),
    ...FAST,
    ...options.verzender,
  });

  return {
    ontvanger,
    verzender,
    ontvangerStore,
    verzenderStore,
    ontvangerUrl: `${ontvangerServer.url}${orderApi.basePath}`,
    verzenderUrl: `${verzenderServer.url}${orderApi.basePath}`,
    processed,
    ontvangerEvents,
    verzenderEvents,
    confirmationsAtEndpoint,
    async close() {
      await Promise.all([verzender.close(), ontvanger.close()]);
      await Promise.all([verzenderServer.close(), ontvangerServer.close()]);
    },
  };
}

export type Cycle = Awaited<ReturnType<typeof startCycle>>;

/** Polls until `check` holds; fails the test with `what` after `timeoutMs`. */
export async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export const put = (url: string, body: unknown, token = 'token-of-bestelomgeving') =>
  fetch(url, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
