import { listen } from './http-server';
import { createMockApp, type MockApp, type MockAppOptions } from './mock-app';
import type { MockAnswerer } from './mock-handler';

export { CHAIN_REGISTRIES, createMockBrons, isChainApi, MOCK_REGISTRIES, NOTIFYING_REGISTRIES, type MockBronOptions } from './apis';
export { API_REGISTRIES, type ApiName } from './generated/api-catalogue';
export { DEFAULT_CHAIN_DELAY_MS, DEFAULT_DECLINE_RATE, type MockChain } from './chain/mock-chain';
export type { ExchangeEntry, ExchangeState } from './chain/exchange-log';
export type { ChainState } from './chain/chain-state';
export { createReceivedStores, RECEIVED_LIMIT, type ReceivedStores } from './received-stores';
export { createMockApp, type MockApp, type MockAppOptions } from './mock-app';
export { createMockAnswerer, createMockHandler, MOCK_SERVER_VERSION, type FetchHandler, type MockAnswerer, type MockRequest, type Route } from './mock-handler';
export { createMockWorld, DEFAULT_WORLD_SIZE, WORLD_SIZES, type MockWorld, type WorldSize } from './world';
export { loadClients, demoClientsFile, registeredClientKey, type RegisteredClient, type RegisteredClientKey, type LoadedClients } from './auth/client-registry';
export { scopesForRole } from './auth/role-scopes';
export type { AuthorizationServer } from './auth/authorization-server';
export { DEMO_ACTIVATIONS } from './consent/demo-activations';
export { renderBanner } from './banner';
export { RequestLog, DEFAULT_REQUEST_LOG_SIZE, type RequestLogEntry, type RefusalKind } from './console/request-log';
export { DEFAULT_NOTIFICATION_LOG_SIZE } from './notifications/notification-producer';
export { DeliveryLog, type Delivery, type DeliveryAttempt } from './notifications/delivery-log';

export interface MockServerOptions extends MockAppOptions {
  /** Default 4010; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
}

export interface MockServer extends Omit<MockApp, 'handler' | 'answer'> {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

export { WorldEditor, WorldChangeError } from './world-changes/world-editor';
export type { ObjectChange, BulkChange } from './world-changes/object-changes';

/** Starts the mock server with every API, its authorization server and consent over a seeded world. */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  let answer: MockAnswerer | undefined;
  // The issuer is the server's own URL, known once it listens (port 0 picks one); until then: 503.
  const server = await listen(() => answer, {
    port: options.port ?? 4010,
    host: options.host ?? '127.0.0.1',
  });
  try {
    const app = await createMockApp(server.url, options);
    answer = app.answer;
    // The app's world and brons are live getters (admin changes replace them), so extend rather than copy.
    const close = async () => {
      await app.close();
      await server.close();
    };
    return Object.assign(Object.create(app) as MockApp, { url: server.url, port: server.port, close });
  } catch (error) {
    await server.close();
    throw error;
  }
}
