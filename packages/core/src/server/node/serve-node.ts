import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerClientError } from './client-error';
import { createNodeHandler, DEFAULT_MAX_URL_LENGTH, type NodeAnswerer, type NodeHandlerOptions } from './node-handler';

export interface ServeNodeOptions extends NodeHandlerOptions {
  /** Default 0 (a free port). */
  readonly port?: number;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Time for a client to send all request headers; then 408 and the connection closes. Default 10 s. */
  readonly headersTimeoutMs?: number;
  /** Time for a client to send the whole request, body included. Default 30 s. */
  readonly requestTimeoutMs?: number;
  /** How long an idle keep-alive connection stays open. Default 65 s. */
  readonly keepAliveTimeoutMs?: number;
  /** Largest request head (request line + headers) in bytes; larger is 431 (or 414 for the URL). Default 16 KiB. */
  readonly maxHeaderSize?: number;
}

export interface NodeServer {
  readonly server: Server;
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Listens with Node's HTTP server and answers with `createNodeHandler`: slow-client timeouts, and
 * a StatusResponse for every request the parser refuses (431, 414, 400, 408).
 */
export async function serveNode(answerer: NodeAnswerer, options: ServeNodeOptions): Promise<NodeServer> {
  const host = options.host ?? '127.0.0.1';
  const headersTimeout = options.headersTimeoutMs ?? 10_000;
  const requestTimeout = Math.max(options.requestTimeoutMs ?? 30_000, headersTimeout);
  const server = createServer(
    {
      headersTimeout,
      requestTimeout,
      keepAliveTimeout: options.keepAliveTimeoutMs ?? 65_000,
      // Timeouts are only checked this often (Node's default 30 s would let them overrun).
      connectionsCheckingInterval: Math.min(1_000, headersTimeout),
      ...(options.maxHeaderSize ? { maxHeaderSize: options.maxHeaderSize } : {}),
    },
    createNodeHandler(answerer, options),
  );
  server.on('clientError', answerClientError(options.apiVersion, options.maxUrlLength ?? DEFAULT_MAX_URL_LENGTH));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
