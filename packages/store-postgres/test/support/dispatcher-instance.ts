// One producer instance delivering notifications, run as its own process by
// notification-crash.test.ts and killed with SIGKILL while a batch is in flight.
import { createStoredNotificationDispatcher } from '@eduvkit/notifications';
import { createPostgresNotificationStore } from '../../src';

const [connectionString, schema] = process.argv.slice(2) as [string, string];
const store = createPostgresNotificationStore({ connectionString, schema });
const dispatcher = createStoredNotificationDispatcher({ store, isAllowed: () => true, worker: 'doomed', leaseMs: 1_000, batchSize: 10, pollIntervalMs: 50 });
dispatcher.notify();
process.stdout.write('delivering\n');
// The poller is unref'd; keep the process alive until it is killed.
setInterval(() => {}, 60_000);
