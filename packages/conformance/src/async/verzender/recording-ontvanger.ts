import type { ApiRegistry } from '@eduvkit/core';
import { createInMemoryExchangeStore, createOntvanger, operationUrl, type ExchangePair } from '@eduvkit/core/exchange';
import { statusAnswer, toResponse } from '@eduvkit/core/server';
import { serveNode } from '@eduvkit/core/server/node';
import { EduvStatus } from '@eduvkit/core';
import type { TrafficEntry } from '../../afnemer/traffic';
import { confirmationDraft } from '../message-bodies';
import { staticTokenAuthenticator } from '../static-token';
import { probingFetch, type ConfirmationDeliveries } from './confirmation-probes';

export interface RecordingOntvangerOptions {
  readonly registry: ApiRegistry;
  readonly pairs: readonly ExchangePair[];
  /** The token the command must send (EDUVKIT_TOKEN). */
  readonly token: string;
  /** The verzender's API base URL, where its confirmation endpoints are. */
  readonly confirmationBaseUrl: string;
  /** The token the kit sends with its confirmations (EDUVKIT_CONFIRMATION_TOKEN). */
  readonly confirmationToken: string;
}

export interface RecordingOntvanger {
  /** `http://127.0.0.1:<port><basePath>`: EDUVKIT_BASE_URL. */
  readonly baseUrl: string;
  /** Every request of the command, in arrival order. */
  readonly traffic: readonly TrafficEntry[];
  readonly deliveries: ConfirmationDeliveries;
  close(): Promise<void>;
}

const headersOf = (headers: Headers): Record<string, string> => Object.fromEntries([...headers.entries()].map(([name, value]) => [name.toLowerCase(), value]));

/**
 * The kit's side as ontvanger: an ontvanger built with createOntvanger behind a recorder on a free
 * 127.0.0.1 port. Its first request is answered 503 (the retry must keep the reference id); each
 * is confirmed with a body from the fixtures.
 */
export async function startRecordingOntvanger(options: RecordingOntvangerOptions): Promise<RecordingOntvanger> {
  const { registry } = options;
  const pairs = new Map(options.pairs.map((pair) => [pair.request.operationId, pair]));
  const byConfirmationUrl = new Map(options.pairs.map((pair) => [operationUrl(options.confirmationBaseUrl, pair.confirmation), pair]));
  const deliveries: ConfirmationDeliveries = { delivered: [] };
  const ontvanger = createOntvanger({
    registry,
    store: createInMemoryExchangeStore(),
    authenticate: staticTokenAuthenticator(options.token, 'verzender'),
    process: (request) => confirmationDraft(pairs.get(request.operationId)!, request.body as Record<string, unknown>),
    confirmationUrl: (_peer, operation) => operationUrl(options.confirmationBaseUrl, operation),
    authorization: () => options.confirmationToken,
    fetch: probingFetch((url) => byConfirmationUrl.get(url), deliveries),
    pollIntervalMs: 100,
    // A verzender that refuses a confirmation is judged on its first answer; no need to insist long.
    retry: { baseDelayMs: 200, maxDelayMs: 2_000, refusedAttempts: 2 },
  });
  const requestPaths = new Set(options.pairs.map((pair) => `${registry.basePath}${pair.request.path}`));
  const traffic: TrafficEntry[] = [];
  const started = performance.now();
  const server = await serveNode(
    async (nodeRequest) => {
      const request = await nodeRequest.toFetchRequest();
      const receivedAt = performance.now() - started;
      const body = await request.clone().text();
      const isRequest = request.method === 'PUT' && requestPaths.has(new URL(request.url).pathname);
      const injected = isRequest && !traffic.some((entry) => entry.injected) ? 'unavailable' : undefined;
      const answer = injected
        ? toResponse(statusAnswer(registry.version, 503, EduvStatus.Other, 'service unavailable for a moment: send the same request again later'))
        : ((await ontvanger.handle(request)) ??
          toResponse(statusAnswer(registry.version, 404, EduvStatus.Other, `no endpoint at ${new URL(request.url).pathname}`)));
      const responseBody = await answer.clone().text();
      traffic.push({
        sequence: traffic.length + 1,
        kind: 'data',
        dataCall: traffic.length + 1,
        method: request.method,
        url: new URL(request.url),
        headers: headersOf(request.headers),
        body,
        receivedAt,
        answeredAt: performance.now() - started,
        status: answer.status,
        responseHeaders: headersOf(answer.headers),
        responseBody,
        ...(injected ? { injected } : {}),
      });
      return answer;
    },
    { apiVersion: registry.version },
  );
  return {
    baseUrl: `${server.url}${registry.basePath}`,
    traffic,
    deliveries,
    async close() {
      await ontvanger.close();
      await server.close();
    },
  };
}
