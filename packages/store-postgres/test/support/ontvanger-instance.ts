// One ontvanger instance (an Ordersysteem on the PostgreSQL store), run as its own process by
// ontvanger-crash.test.ts. `hang`: processing never finishes, so the test can SIGKILL the process
// between its 202 and the confirmation. `work`: approves every order. Prints `listening <url>`,
// then `processing <reference id>` when process() starts.
import { createOntvanger } from '@eduvkit/core/exchange';
import { serveNode } from '@eduvkit/core/server/node';
import { orderApi } from '@eduvkit/order';
import { createPostgresExchangeStore } from '../../src';

const [connectionString, schema, mode, confirmationBase] = process.argv.slice(2) as [string, string, 'hang' | 'work', string];
const store = createPostgresExchangeStore({ connectionString, schema });
const ontvanger = createOntvanger({
  registry: orderApi,
  store,
  // A short lease, so the next instance takes over the killed one's work within a second.
  leaseMs: 1_000,
  pollIntervalMs: 100,
  retry: { baseDelayMs: 100, maxDelayMs: 500 },
  authenticate: () => ({ clientId: 'demo-bestelomgeving', scopes: 'all' }),
  confirmationUrl: (_peer, operation) => `${confirmationBase}${operation.path}`,
  authorization: () => 'confirmation-token',
  async process(request) {
    process.stdout.write(`processing ${request.referenceId}\n`);
    if (mode === 'hang') await new Promise(() => {});
    return { orderStatus: 'approved', salesOrderId: `SO-${request.referenceId.slice(0, 8)}` };
  },
});
const server = await serveNode((request) => ontvanger.answer(request), { port: 0, apiVersion: orderApi.version });
process.stdout.write(`listening ${server.url}\n`);
