import type { Bron } from '@eduvkit/core/server';
import { createMockBrons, type MockBronOptions } from './apis';
import { listen } from './http-server';
import { createMockHandler, type FetchHandler } from './mock-handler';
import { createMockWorld, type MockWorld, type WorldSize } from './world';

export { createMockBrons, type MockBronOptions } from './apis';
export { createMockHandler, MOCK_SERVER_VERSION, type FetchHandler } from './mock-handler';
export { createMockWorld, WORLD_SIZES, type MockWorld, type WorldSize } from './world';
export { renderBanner } from './banner';

export interface MockServerOptions extends MockBronOptions {
  /** Default 4010; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Seed of the generated world; the same seed always gives the same schools and students. */
  seed?: number;
  size?: WorldSize;
}

export interface MockServer {
  readonly url: string;
  readonly port: number;
  readonly seed: number;
  readonly world: MockWorld;
  readonly brons: readonly Bron[];
  close(): Promise<void>;
}

/** The mock's request handler without a network listener, for in-process tests. */
export function createMockFetchHandler(options: Omit<MockServerOptions, 'port' | 'host'> = {}): { handler: FetchHandler; world: MockWorld } {
  const world = createMockWorld(options.seed ?? 1, options.size);
  return { handler: createMockHandler(createMockBrons(world, options)), world };
}

/** Starts the mock server with every API over a seeded world. */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const seed = options.seed ?? 1;
  const world = createMockWorld(seed, options.size);
  const brons = createMockBrons(world, options);
  const server = await listen(createMockHandler(brons), { port: options.port ?? 4010, host: options.host ?? '127.0.0.1' });
  return { url: server.url, port: server.port, seed, world, brons, close: server.close };
}
