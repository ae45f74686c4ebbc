import { EduvStatus } from '@eduvkit/core';
import { statusAnswer } from '@eduvkit/core/server';
import { serveNode, type NodeServer } from '@eduvkit/core/server/node';
import { MOCK_SERVER_VERSION, type MockAnswerer } from './mock-handler';

export type ListeningServer = Pick<NodeServer, 'url' | 'port' | 'close'>;

const starting = statusAnswer(MOCK_SERVER_VERSION, 503, EduvStatus.Other, 'the mock server is starting');

/**
 * Serves the mock over Node's HTTP server on 127.0.0.1 (or the given host) through the Node
 * adapter of @eduvkit/core: cached answers go from the bron to the socket as bytes.
 */
export async function listen(answerer: () => MockAnswerer | undefined, options: { port?: number; host?: string } = {}): Promise<ListeningServer> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 4010;
  return serveNode((request) => answerer()?.(request) ?? starting, {
    apiVersion: MOCK_SERVER_VERSION,
    host,
    port,
    // The issuer and every URL the mock prints use this origin, whatever Host header a client sends.
    origin: `http://${host}`,
  });
}
