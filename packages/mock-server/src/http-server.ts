import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EduvStatus } from '@eduvkit/core';
import { statusResponse } from '@eduvkit/core/server';
import { MOCK_SERVER_VERSION, type FetchHandler } from './mock-handler';
import { sendFetchResponse, toFetchRequest } from './node-adapter';

export interface ListeningServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Serves a Fetch handler over Node's HTTP server on 127.0.0.1 (or the given host). */
export async function listen(handler: FetchHandler, options: { port?: number; host?: string } = {}): Promise<ListeningServer> {
  const host = options.host ?? '127.0.0.1';
  const server: Server = createServer((incoming, outgoing) => {
    const origin = `http://${host}`;
    let request: Request;
    try {
      request = toFetchRequest(incoming, origin);
    } catch (error) {
      const detail = error instanceof Error ? error.message : 'unreadable request';
      void sendFetchResponse(statusResponse(MOCK_SERVER_VERSION, 400, EduvStatus.Other, `request not understood: ${detail}`), outgoing);
      return;
    }
    handler(request)
      .catch(() => statusResponse(MOCK_SERVER_VERSION, 500, EduvStatus.Other, 'internal error in the mock server'))
      .then((response) => sendFetchResponse(response, outgoing))
      .catch(() => outgoing.destroy());
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4010, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
