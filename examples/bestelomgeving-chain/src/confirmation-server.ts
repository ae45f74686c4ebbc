import type { ApiRegistry, TokenProvider } from '@eduvkit/core';
import { createInMemoryExchangeStore, createVerzender, type Verzender } from '@eduvkit/core/exchange';
import { pathOf } from '@eduvkit/core/server';
import { serveNode, type NodeServer } from '@eduvkit/core/server/node';
import { deliveryApi } from '@eduvkit/delivery';
import { orderApi } from '@eduvkit/order';
import { usageApi } from '@eduvkit/usage';

export interface ConfirmationServerOptions {
  /** The party that provides the other side, e.g. http://127.0.0.1:4010 (the mock). */
  readonly counterpartUrl: string;
  readonly tokenProvider: TokenProvider;
  /** Port of this Bestelomgeving's own server; default a free one. */
  readonly port?: number;
}

/** The verzenders of this Bestelomgeving, one per API it sends requests in, sharing one node server. */
export interface ConfirmationServer {
  readonly order: Verzender;
  readonly delivery: Verzender;
  /** InitialActivation: sent here as the Licentieregistratie would when a student first uses the product. */
  readonly usage: Verzender;
  readonly url: string;
  /** `{ "order-api": "<url>/order-api/v0", … }`: what to register with the counterpart. */
  readonly endpoints: Record<string, string>;
  close(): Promise<void>;
}

/**
 * Where the counterpart PUTs its confirmations (`/order-api/v0/orders/confirmations`, …): one node
 * server for the three verzenders, each answering under its API's base path. Their stores are in
 * memory here; give each a `@eduvkit/store-postgres` store to survive a restart.
 */
/** How long `send` waits for the counterpart's confirmation before it gives up. */
const CONFIRMATION_TIMEOUT_MS = 30_000;
/** Short, so the demo's orders complete quickly; a production verzender can poll far less often. */
const POLL_INTERVAL_MS = 200;

export async function startConfirmationServer(options: ConfirmationServerOptions): Promise<ConfirmationServer> {
  const verzender = (registry: ApiRegistry) =>
    // A local demo against the mock: it takes any bearer token on its confirmation endpoints; a real one passes `authenticate`.
    createVerzender({
      registry,
      store: createInMemoryExchangeStore(),
      baseUrl: `${options.counterpartUrl}${registry.basePath}`,
      tokenProvider: options.tokenProvider,
      confirmationTimeoutMs: CONFIRMATION_TIMEOUT_MS,
      pollIntervalMs: POLL_INTERVAL_MS,
      dangerouslyAcceptAnyToken: true,
    });
  const parties = { order: verzender(orderApi), delivery: verzender(deliveryApi), usage: verzender(usageApi) };
  const all = Object.values(parties);
  const server: NodeServer = await serveNode(
    async (request) => {
      const pathname = pathOf(request.url);
      return all.find(({ basePath }) => pathname.startsWith(`${basePath}/`))?.answer(request);
    },
    { apiVersion: orderApi.version, ...(options.port !== undefined ? { port: options.port } : {}) },
  );
  return {
    ...parties,
    url: server.url,
    endpoints: Object.fromEntries(all.map((party) => [party.registry.api, `${server.url}${party.basePath}`])),
    async close() {
      await Promise.all(all.map((party) => party.close()));
      await server.close();
    },
  };
}
