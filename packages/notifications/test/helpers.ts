import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Notification } from '../src/index';

export const SCHOOL_A = '104A158';
export const SCHOOL_B = '20XY301';

let counter = 0;
/** A deterministic UUID (version 4 layout) for test notifications. */
export function testUuid(): string {
  counter += 1;
  return `00000000-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`;
}

export function notification(overrides: Partial<Notification> = {}): Notification {
  return {
    id: testUuid(),
    notificationType: 'object',
    objectType: 'Student',
    objectId: `student-${counter}`,
    school: { organisationMasterIdentifier: SCHOOL_A },
    created: '2024-09-27T10:00:00Z',
    ...overrides,
  };
}

/** Thrown by a handler: the server cuts the connection instead of answering (a lost response). */
export class DropConnection extends Error {}

export type FetchHandler = (request: Request) => Promise<Response | undefined> | Response | undefined;

async function toRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) value.forEach((item) => headers.append(name, item));
    else if (value !== undefined) headers.set(name, value);
  }
  const body = chunks.length ? Buffer.concat(chunks) : undefined;
  return new Request(new URL(req.url ?? '/', origin), { method: req.method ?? 'GET', headers, body: req.method === 'GET' ? undefined : body });
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  res.writeHead(response.status, headers);
  res.end(Buffer.from(await response.arrayBuffer()));
}

/** A real HTTP server on 127.0.0.1 that answers with a Fetch API handler. */
export class TestHttpServer {
  #server: Server | undefined;
  #sockets = new Set<Socket>();
  constructor(
    readonly handler: FetchHandler,
    public port = 0,
  ) {}

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    const server = createServer((req, res) => {
      void (async () => {
        try {
          const response = (await this.handler(await toRequest(req, this.baseUrl))) ?? new Response(null, { status: 404 });
          await send(res, response);
        } catch (error) {
          if (error instanceof DropConnection) req.socket.destroy();
          else res.writeHead(500).end(String(error));
        }
      })();
    });
    server.on('connection', (socket) => {
      this.#sockets.add(socket);
      socket.on('close', () => this.#sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.#server = server;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.#server;
    if (!server) return;
    this.#server = undefined;
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** A port on 127.0.0.1 that nothing listens on (it was free a moment ago). */
export async function closedPort(): Promise<number> {
  const probe = await new TestHttpServer(() => undefined).start();
  const { port } = probe;
  await probe.stop();
  return port;
}

export async function waitFor(condition: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
