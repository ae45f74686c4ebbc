// One instance of an ontvanger, run as its own process by durability.test.ts and killed with
// SIGKILL while it works: it records requests without end, prints each reference id once
// receiveRequest has resolved (the moment it would answer 202), and leases every 20th batch to
// itself as if it had started processing.
import { createPostgresExchangeStore } from '../../src';

const [connectionString, schema] = process.argv.slice(2) as [string, string];
const store = createPostgresExchangeStore({ connectionString, schema });
const start = Date.UTC(2026, 2, 1, 9);

for (let index = 0; ; index += 1) {
  const key = { api: 'order-api', operationId: 'placeOrder', peer: 'bestelomgeving-1', referenceId: `killed-${index}` };
  await store.receiveRequest(key, { index }, new Date(start + index));
  process.stdout.write(`${key.referenceId}\n`);
  if (index % 20 === 19) await store.claimRequests({ worker: 'killed-instance', now: new Date(start + index), leaseMs: 60_000, limit: 20 });
}
