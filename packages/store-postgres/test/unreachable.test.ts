import { createServer, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createPostgresExchangeStore } from '../src';

/** A port on 127.0.0.1 with nothing listening. */
const closedPort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

describe('a database that cannot be reached', () => {
  it('makes calls reject, quickly and without the password, and close() still works', async () => {
    const secret = 'pg-secret-do-not-log';
    const store = createPostgresExchangeStore({
      connectionString: `postgres://eduvkit:${secret}@127.0.0.1:${await closedPort()}/eduvkit`,
      poolConfig: { connectionTimeoutMillis: 2_000 },
    });
    const started = Date.now();
    const error = await store.receiveRequest({ api: 'order-api', operationId: 'placeOrder', peer: 'p', referenceId: 'r' }, {}, new Date()).then(
      () => undefined,
      (thrown: unknown) => thrown as Error,
    );
    expect(error).toBeInstanceOf(Error);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(`${error?.message} ${error?.stack}`).not.toContain(secret);
    await store.close();
  });

  it('gives up on a server that accepts but never answers, after connectionTimeoutMillis', async () => {
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => void sockets.add(socket)).listen(0, '127.0.0.1');
    await new Promise((resolve) => silent.once('listening', resolve));
    const { port } = silent.address() as { port: number };
    const store = createPostgresExchangeStore({
      connectionString: `postgres://eduvkit@127.0.0.1:${port}/eduvkit`,
      poolConfig: { connectionTimeoutMillis: 500 },
    });
    try {
      await expect(store.getOutbound('x')).rejects.toThrow(/timeout/i);
    } finally {
      await store.close();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
