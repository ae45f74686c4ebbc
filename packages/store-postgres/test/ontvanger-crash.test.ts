import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createRandom } from '@eduvkit/core/fixtures';
import { orderApi } from '@eduvkit/order';
import { orderRequest } from '@eduvkit/order/fixtures';
import { afterEach, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { freshSchema } from './support/stores';

const script = fileURLToPath(new URL('./support/ontvanger-instance.ts', import.meta.url));
const children: ChildProcess[] = [];

/** Starts an ontvanger process and resolves with its URL and a way to wait for a line it prints. */
function startInstance(schema: string, mode: 'hang' | 'work', confirmationBase: string) {
  const child = spawn(process.execPath, ['--conditions=@eduvkit/source', '--import', 'tsx', script, inject('postgresUrl'), schema, mode, confirmationBase], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  let errors = '';
  const waiters: (() => void)[] = [];
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    for (const wake of waiters.splice(0)) wake();
  });
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const line = (pattern: RegExp, timeoutMs = 20_000) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no line ${pattern} within ${timeoutMs} ms; output: ${output} ${errors}`)), timeoutMs);
      const look = () => {
        const match = pattern.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match);
        } else waiters.push(look);
      };
      look();
    });
  return { child, line };
}

/** The Bestelomgeving's confirmation endpoint: records every PUT body and answers 202. */
async function confirmationEndpoint(): Promise<{
  server: Server;
  base: string;
  received: Record<string, unknown>[];
  next: () => Promise<Record<string, unknown>>;
}> {
  const received: Record<string, unknown>[] = [];
  const waiters: ((body: Record<string, unknown>) => void)[] = [];
  const server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => {
      const body = JSON.parse(text) as Record<string, unknown>;
      received.push(body);
      for (const wake of waiters.splice(0)) wake(body);
      response.writeHead(202).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}${orderApi.basePath}`;
  return { server, base, received, next: () => new Promise((resolve) => waiters.push(resolve)) };
}

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

describe('an ontvanger killed between its 202 and the confirmation', () => {
  it('confirms after a restart on the PostgreSQL store: the 202 was a promise that survives SIGKILL', async () => {
    const schema = freshSchema('crash');
    const endpoint = await confirmationEndpoint();
    try {
      const first = startInstance(schema, 'hang', endpoint.base);
      const url = (await first.line(/listening (\S+)/))[1]!;
      const order = orderRequest(createRandom(7), { productId: '9789024419876', quantity: 25 });
      const answer = await fetch(`${url}${orderApi.basePath}/orders`, {
        method: 'PUT',
        headers: { authorization: 'Bearer t', 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(order),
      });
      expect(answer.status).toBe(202);
      await first.line(new RegExp(`processing ${order.requestReferenceId}`));
      const killed = new Promise((resolve) => first.child.once('exit', resolve));
      first.child.kill('SIGKILL');
      await killed;
      expect(endpoint.received, 'nothing was confirmed before the crash').toEqual([]);

      const arrived = endpoint.next();
      const second = startInstance(schema, 'work', endpoint.base);
      await second.line(new RegExp(`processing ${order.requestReferenceId}`));
      const confirmation = await arrived;
      expect(confirmation).toMatchObject({ requestReferenceId: order.requestReferenceId, orderStatus: 'approved' });
      expect(typeof confirmation.responseReferenceId).toBe('string');
      expect(Number.isNaN(Date.parse(String(confirmation.processedTimestamp)))).toBe(false);
      expect(orderApi.operations.confirmOrder.body.safeParse(confirmation).success).toBe(true);
    } finally {
      await new Promise((resolve) => endpoint.server.close(resolve));
    }
  }, 60_000);
});
