import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Forwards a request to the real bron and returns its answer. */
export type Forward = (request: Request) => Promise<Response>;

/** A defect: given a request to the real bron and a way to forward it, the answer a broken bron would give. */
export type Defect = (request: Request, forward: Forward) => Promise<Response>;

export interface DefectProxy {
  readonly url: string;
  close(): Promise<void>;
}

async function toRequest(message: IncomingMessage, origin: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of message) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(message.headers)) {
    if (typeof value === 'string' && name !== 'host' && name !== 'content-length') headers.set(name, value);
  }
  const body = chunks.length ? Buffer.concat(chunks) : undefined;
  return new Request(`${origin}${message.url ?? '/'}`, { method: message.method ?? 'GET', headers, ...(body ? { body } : {}) });
}

/**
 * A real bron behind a wrapper that injects one defect: the kit talks to the proxy over HTTP as it
 * would to a supplier, and the proxy forwards to the mock except where the defect says otherwise.
 */
export async function startDefectProxy(upstreamOrigin: string, defect: Defect): Promise<DefectProxy> {
  const forward: Forward = (request) => fetch(request);
  const server = createServer((message, reply) => {
    void (async () => {
      const request = await toRequest(message, upstreamOrigin);
      const response = await defect(request, forward);
      const body = Buffer.from(await response.arrayBuffer());
      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        if (name !== 'content-length' && name !== 'content-encoding' && name !== 'transfer-encoding') headers[name] = value;
      });
      reply.writeHead(response.status, headers).end(body);
    })().catch((error: unknown) => reply.writeHead(502).end(String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
