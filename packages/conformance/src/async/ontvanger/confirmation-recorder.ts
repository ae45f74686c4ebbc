import { EduvStatus, type ApiRegistry } from '@eduvkit/core';
import type { ExchangePair } from '@eduvkit/core/exchange';
import { statusAnswer, toResponse } from '@eduvkit/core/server';
import { serveNode } from '@eduvkit/core/server/node';
import { jsonOf, type TrafficEntry } from '../../afnemer/traffic';

/** A confirmation the supplier's ontvanger PUT to the kit, as received. */
export interface ReceivedConfirmation {
  readonly operationId: string;
  readonly entry: TrafficEntry;
  readonly body: unknown;
}

export interface ConfirmationRecorder {
  /** Where the kit listens: `http://127.0.0.1:<port>`. */
  readonly origin: string;
  /** The API base URL the supplier's ontvanger confirms to (`--callback-url`, or the origin plus the API's base path). */
  readonly baseUrl: string;
  readonly received: readonly ReceivedConfirmation[];
  /** Confirmation PUTs the endpoint refused (no token, not a JSON object), for the reasons of the cases. */
  readonly refused: readonly TrafficEntry[];
  /** The confirmations of one reference id, once `count` have arrived or when `timeoutMs` has passed. */
  waitFor(operationId: string, referenceId: string, count: number, timeoutMs: number): Promise<ReceivedConfirmation[]>;
  close(): Promise<void>;
}

export interface ConfirmationRecorderOptions {
  readonly registry: ApiRegistry;
  readonly pairs: readonly ExchangePair[];
  /** Default a free port. */
  readonly port?: number | undefined;
  /** A public address forwarded to the port, when the ontvanger cannot reach 127.0.0.1. */
  readonly publicBaseUrl?: string | undefined;
}

const headersOf = (headers: Headers): Record<string, string> => Object.fromEntries([...headers.entries()].map(([name, value]) => [name.toLowerCase(), value]));

/**
 * The kit's side as verzender: the confirmation endpoints on 127.0.0.1. Every PUT is kept; it
 * answers 202 to a JSON object with a bearer token, so the cases, not the endpoint, judge the body.
 */
export async function startConfirmationRecorder(options: ConfirmationRecorderOptions): Promise<ConfirmationRecorder> {
  const { registry } = options;
  const received: ReceivedConfirmation[] = [];
  const refused: TrafficEntry[] = [];
  const waiters = new Set<() => void>();
  const started = performance.now();
  const confirmationAt = new Map(options.pairs.map((pair) => [`${registry.basePath}${pair.confirmation.path}`, pair.confirmation.operationId]));
  const refuse = (httpStatus: number, status: number, message: string) => toResponse(statusAnswer(registry.version, httpStatus, status, message));

  const server = await serveNode(
    async (nodeRequest) => {
      const request = await nodeRequest.toFetchRequest();
      const receivedAt = performance.now() - started;
      const url = new URL(request.url);
      const operationId = confirmationAt.get(url.pathname.replace(/\/+$/, ''));
      if (!operationId) return refuse(404, EduvStatus.Other, `no confirmation endpoint at ${url.pathname}`);
      if (request.method !== 'PUT') return refuse(405, EduvStatus.Other, `${url.pathname} takes PUT`);
      const body = await request.text();
      const parsed = jsonOf(body);
      const answer = !/^Bearer\s+\S+$/i.test(request.headers.get('authorization') ?? '')
        ? refuse(401, EduvStatus.Other, 'a bearer token is required')
        : typeof parsed !== 'object' || parsed === null
          ? refuse(400, EduvStatus.SchemaIncorrect, 'the body is not a JSON object')
          : new Response(null, { status: 202 });
      const entry: TrafficEntry = {
        sequence: received.length + refused.length + 1,
        kind: 'data',
        method: request.method,
        url,
        headers: headersOf(request.headers),
        body,
        receivedAt,
        answeredAt: performance.now() - started,
        status: answer.status,
        responseHeaders: headersOf(answer.headers),
        responseBody: await answer.clone().text(),
      };
      if (answer.status === 202) received.push({ operationId, entry, body: parsed });
      else refused.push(entry);
      for (const wake of waiters) wake();
      return answer;
    },
    { apiVersion: registry.version, host: '127.0.0.1', port: options.port ?? 0 },
  );

  const matching = (operationId: string, referenceId: string, reference: string) =>
    received.filter((confirmation) => confirmation.operationId === operationId && (confirmation.body as Record<string, unknown>)[reference] === referenceId);

  return {
    origin: server.url,
    baseUrl: (options.publicBaseUrl ?? `${server.url}${registry.basePath}`).replace(/\/+$/, ''),
    received,
    refused,
    waitFor(operationId, referenceId, count, timeoutMs) {
      const reference = registry.operations[operationId]!.exchange!.reference;
      return new Promise((resolve) => {
        const check = () => {
          const found = matching(operationId, referenceId, reference);
          if (found.length < count) return false;
          done(found);
          return true;
        };
        const done = (found: ReceivedConfirmation[]) => {
          clearTimeout(timer);
          waiters.delete(onArrival);
          resolve(found);
        };
        const onArrival = () => void check();
        const timer = setTimeout(() => done(matching(operationId, referenceId, reference)), timeoutMs);
        waiters.add(onArrival);
        check();
      });
    },
    close: () => server.close(),
  };
}
