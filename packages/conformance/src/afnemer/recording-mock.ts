import { EduvStatus, type ApiRegistry } from '@eduvkit/core';
import { statusAnswer, toResponse } from '@eduvkit/core/server';
import { serveNode } from '@eduvkit/core/server/node';
import { createMockApp, MOCK_SERVER_VERSION, type MockApp } from '@eduvkit/mock-server';
import { QUALIFIABLE_REGISTRIES } from '../apis';
import { faultFor, faultResponse } from './fault-injection';
import type { TrafficEntry, TrafficKind } from './traffic';

const DISCOVERY_PATHS = new Set(['/.well-known/openid-configuration', '/oauth2/jwks']);
const TOKEN_PATH = '/oauth2/token';

function kindOf(pathname: string): TrafficKind {
  if (pathname === TOKEN_PATH) return 'token';
  if (DISCOVERY_PATHS.has(pathname)) return 'discovery';
  const underApi = QUALIFIABLE_REGISTRIES.some(({ basePath }) => pathname === basePath || pathname.startsWith(`${basePath}/`));
  return underApi ? 'data' : 'other';
}

// The mock's admin routes change consent and data: the command under qualification may not use them.
const isAdmin = (pathname: string): boolean => pathname === '/_admin' || pathname.startsWith('/_admin/');
const adminRefusal = (): Response =>
  toResponse(statusAnswer(MOCK_SERVER_VERSION, 403, EduvStatus.Other, 'the qualification mock takes no admin calls from the command it qualifies'));

const headersOf = (headers: Headers): Record<string, string> => Object.fromEntries([...headers.entries()].map(([name, value]) => [name.toLowerCase(), value]));

export interface RecordingMock {
  /** `http://127.0.0.1:<port>`: the issuer, whose discovery document names the token endpoint. */
  readonly origin: string;
  readonly tokenEndpoint: string;
  readonly app: MockApp;
  /** Every request so far, in arrival order. */
  readonly traffic: readonly TrafficEntry[];
  /** Called with each entry once it is answered, before the answer leaves. */
  onAnswered(listener: (entry: TrafficEntry) => void): void;
  close(): Promise<void>;
}

export interface RecordingMockOptions {
  readonly registry: ApiRegistry;
  /** A client registration file holding the client under test; default the demo clients. */
  readonly clientsFile?: string | undefined;
}

/**
 * The eduvkit mock server on a free 127.0.0.1 port behind a recorder: every request and answer is
 * kept, and the data calls of FAULT_PLAN get the kit's injected fault instead of the mock's answer.
 */
export async function startRecordingMock(options: RecordingMockOptions): Promise<RecordingMock> {
  const traffic: TrafficEntry[] = [];
  const started = performance.now();
  let dataCalls = 0;
  let app: MockApp | undefined;
  const listeners: ((entry: TrafficEntry) => void)[] = [];
  const server = await serveNode(
    async (nodeRequest) => {
      if (!app) return undefined;
      const request = await nodeRequest.toFetchRequest();
      const receivedAt = performance.now() - started;
      const body = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.clone().text();
      const url = new URL(request.url);
      const kind = kindOf(url.pathname);
      const dataCall = kind === 'data' ? ++dataCalls : undefined;
      const injected = dataCall === undefined ? undefined : faultFor(dataCall);
      const answer = injected ? faultResponse(injected, options.registry.version) : isAdmin(url.pathname) ? adminRefusal() : await app.handler(request);
      const responseBody = await answer.text();
      const entry: TrafficEntry = {
        sequence: traffic.length + 1,
        kind,
        ...(dataCall === undefined ? {} : { dataCall }),
        method: request.method,
        url,
        headers: headersOf(request.headers),
        body,
        receivedAt,
        answeredAt: performance.now() - started,
        status: answer.status,
        responseHeaders: headersOf(answer.headers),
        responseBody,
        ...(injected ? { injected } : {}),
      };
      traffic.push(entry);
      for (const listener of listeners) listener(entry);
      return new Response(responseBody === '' ? null : responseBody, { status: answer.status, headers: answer.headers });
    },
    { apiVersion: MOCK_SERVER_VERSION, host: '127.0.0.1', port: 0, origin: 'http://127.0.0.1' },
  );
  try {
    app = await createMockApp(server.url, { seed: 1, ...(options.clientsFile ? { clientsFile: options.clientsFile } : {}) });
  } catch (error) {
    await server.close();
    throw error;
  }
  const mock = app;
  return {
    origin: server.url,
    tokenEndpoint: mock.authorizationServer.tokenEndpoint,
    app: mock,
    traffic,
    onAnswered: (listener) => listeners.push(listener),
    async close() {
      await mock.close();
      await server.close();
    },
  };
}
