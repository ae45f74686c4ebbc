import type { ApiRegistry } from '@eduvkit/core';
import { createInMemoryExchangeStore, createVerzender, type ExchangeEvent, type ExchangeRuntimeOptions, type Verzender } from '@eduvkit/core/exchange';
import type { Bron } from '@eduvkit/core/server';
import { serveNode, type NodeServer } from '@eduvkit/core/server/node';
import type { MockServer } from '../../src/index';
import { demoTokenProvider } from './token-provider';

/** A party's node server on 127.0.0.1 that keeps every body it was sent, before its bron answers. */
export async function recordingServer(bron: Pick<Bron, 'handle'>, apiVersion: string): Promise<{ server: NodeServer; bodies: Record<string, unknown>[] }> {
  const bodies: Record<string, unknown>[] = [];
  const server = await serveNode(
    async (request) => {
      const fetchRequest = await request.toFetchRequest();
      bodies.push((await fetchRequest.clone().json()) as Record<string, unknown>);
      return bron.handle(fetchRequest);
    },
    { apiVersion },
  );
  return { server, bodies };
}

/** Tells the mock where a client's side of one API lives, as a supplier does once. */
export async function registerEndpoint(mock: MockServer, clientId: string, api: string, baseUrl: string): Promise<void> {
  const response = await fetch(`${mock.url}/_admin/clients/${clientId}/endpoints`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ [api]: baseUrl }),
  });
  if (response.status !== 204) throw new Error(`could not register the endpoint: ${response.status} ${await response.text()}`);
}

export interface ChainVerzender {
  readonly verzender: Verzender;
  readonly server: NodeServer;
  /** Every confirmation the mock PUT to this client, repeats included. */
  readonly confirmations: Record<string, unknown>[];
  /** What the verzender reported: `delivered` of a request means the mock answered it 2xx. */
  readonly events: ExchangeEvent[];
  close(): Promise<void>;
}

/**
 * A demo client as the verzender of one chain API: sends with tokens of the mock's authorization
 * server and receives the confirmations on its own node server, registered with the mock.
 */
export async function chainVerzender(mock: MockServer, clientId: string, registry: ApiRegistry, runtime: ExchangeRuntimeOptions = {}): Promise<ChainVerzender> {
  const events: ExchangeEvent[] = [];
  const verzender = createVerzender({
    registry,
    store: createInMemoryExchangeStore(),
    baseUrl: `${mock.url}${registry.basePath}`,
    tokenProvider: demoTokenProvider(mock, clientId),
    // As a supplier would: only tokens of the mock's authorization server, with the confirmation's scope.
    authenticate: mock.authorizationServer.verifyAccessToken,
    pollIntervalMs: 50,
    confirmationTimeoutMs: 15_000,
    retry: { baseDelayMs: 50, maxDelayMs: 500 },
    onEvent: (event) => events.push(event),
    ...runtime,
  });
  const { server, bodies } = await recordingServer(verzender, registry.version);
  await registerEndpoint(mock, clientId, registry.api, `${server.url}${registry.basePath}`);
  return {
    verzender,
    server,
    confirmations: bodies,
    events,
    async close() {
      await verzender.close();
      await server.close();
    },
  };
}

/** Waits until `check` holds, polling; fails after `timeoutMs`. */
export async function eventually(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('the condition did not hold in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
