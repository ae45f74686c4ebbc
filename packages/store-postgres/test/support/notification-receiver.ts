import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A subscriber on 127.0.0.1: records the ids of every POST /notifications batch in arrival order.
 * `hold(n)` keeps the n-th batch (1-based) unanswered and resolves when it has arrived.
 */
export async function notificationReceiver() {
  const batches: string[][] = [];
  const holds = new Map<number, () => void>();
  const held: ServerResponse[] = [];
  const server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => {
      const ids = (JSON.parse(text) as { id: string }[]).map((notification) => notification.id);
      batches.push(ids);
      const arrived = holds.get(batches.length);
      if (arrived) {
        held.push(response);
        arrived();
      } else response.writeHead(request.url === '/subscriber/notifications' ? 204 : 404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/subscriber`;
  return {
    url,
    batches,
    /** Every id received, in arrival order (a re-sent batch appears twice). */
    ids: () => batches.flat(),
    hold: (batch: number) => new Promise<void>((resolve) => holds.set(batch, resolve)),
    stop: () =>
      new Promise<void>((resolve) => {
        for (const response of held) response.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** `ids` with repeats dropped, keeping first arrivals: what an idempotent subscriber processes. */
export const firstArrivals = (ids: readonly string[]) => [...new Set(ids)];
