import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createStoredNotificationDispatcher, createStoredNotificationLog, type NotificationLogInput, type NotificationStore } from '@eduvkit/notifications';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { createPostgresNotificationStore } from '../src';
import { firstArrivals, notificationReceiver } from './support/notification-receiver';
import { freshSchema } from './support/stores';

const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** One instance's store on its own pool, as a separate process would have it. */
function storeIn(schema: string): NotificationStore {
  const store = createPostgresNotificationStore({ connectionString: inject('postgresUrl'), schema, poolConfig: { max: 3 } });
  cleanups.push(() => store.close());
  return store;
}

function dispatcherOn(store: NotificationStore, worker: string, leaseMs?: number) {
  const dispatcher = createStoredNotificationDispatcher({
    store,
    isAllowed: () => true,
    worker,
    batchSize: 10,
    pollIntervalMs: 25,
    retry: { baseDelayMs: 10, maxDelayMs: 50 },
    ...(leaseMs ? { leaseMs } : {}),
  });
  cleanups.push(() => dispatcher.close());
  return dispatcher;
}

async function receiver() {
  const subscriber = await notificationReceiver();
  cleanups.push(() => subscriber.stop());
  return subscriber;
}

let counter = 0;
const notification = (): NotificationLogInput => {
  counter += 1;
  return {
    id: `00000000-0000-4000-9000-${counter.toString(16).padStart(12, '0')}`,
    api: 'students-api',
    notificationType: 'object',
    objectType: 'Student',
    objectId: `s${counter}`,
    school: { organisationMasterIdentifier: '104A158' },
  };
};
const subscription = (url: string) => ({ clientId: 'afnemer-1', api: 'students-api', callbackUrl: url });

describe('a dispatcher on the PostgreSQL notification store', () => {
  it('two instances on two pools deliver every notification, in order, once, while both append', async () => {
    const schema = freshSchema('notif_multi');
    const subscriber = await receiver();
    const [storeA, storeB] = [storeIn(schema), storeIn(schema)];
    const [a, b] = [dispatcherOn(storeA, 'a'), dispatcherOn(storeB, 'b')];
    await a.subscribe(subscription(subscriber.url));
    const logs = [createStoredNotificationLog({ store: storeA }), createStoredNotificationLog({ store: storeB })];
    await Promise.all(
      logs.map(async (log, index) => {
        for (let round = 0; round < 20; round += 1) {
          await log.appendAll([notification(), notification(), notification(), notification(), notification()]);
          (index === 0 ? a : b).notify();
        }
      }),
    );
    await Promise.all([a.idle(), b.idle()]);
    const appended = (await storeA.after(0, { limit: 1000 })).map((entry) => entry.id);
    expect(appended).toHaveLength(200);
    expect(subscriber.ids()).toEqual(appended);
  }, 30_000);

  it('loses nothing when the store is closed before delivery: a new dispatcher on a new pool delivers all, in order', async () => {
    const schema = freshSchema('notif_restart');
    const subscriber = await receiver();
    const before = createPostgresNotificationStore({ connectionString: inject('postgresUrl'), schema });
    const first = createStoredNotificationDispatcher({ store: before, isAllowed: () => true, worker: 'before' });
    await first.subscribe(subscription(subscriber.url));
    const appended = await createStoredNotificationLog({ store: before }).appendAll(Array.from({ length: 35 }, notification));
    await first.close();
    await before.close();
    expect(subscriber.batches).toEqual([]);

    const after = dispatcherOn(storeIn(schema), 'after');
    await after.idle();
    expect(subscriber.ids()).toEqual(appended.map((entry) => entry.id));
    expect(await after.stats()).toMatchObject({ delivered: 35, pending: 0 });
  }, 30_000);

  it('loses nothing when the delivering process is killed (SIGKILL) mid-batch: another instance takes over after the lease, in order', async () => {
    const schema = freshSchema('notif_crash');
    const subscriber = await receiver();
    const store = storeIn(schema);
    await store.saveSubscription(subscription(subscriber.url), 0);
    const appended = (await createStoredNotificationLog({ store }).appendAll(Array.from({ length: 45 }, notification))).map((entry) => entry.id);

    const thirdBatch = subscriber.hold(3);
    const child = startInstance(schema);
    await thirdBatch;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    expect(subscriber.batches.slice(0, 3).flat()).toEqual(appended.slice(0, 30));

    const heir = dispatcherOn(store, 'heir');
    await heir.idle();
    expect(firstArrivals(subscriber.ids()), 'every notification arrived, in order').toEqual(appended);
    expect(subscriber.ids().slice(30), 'after the crash: the unacknowledged batch again, then the rest').toEqual(appended.slice(20));
    expect((await store.getSubscription('afnemer-1', 'students-api'))!.cursor).toBe(45);
  }, 30_000);
});

function startInstance(schema: string): ChildProcess {
  const script = fileURLToPath(new URL('./support/dispatcher-instance.ts', import.meta.url));
  const child = spawn(process.execPath, ['--conditions=@eduvkit/source', '--import', 'tsx', script, inject('postgresUrl'), schema], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  cleanups.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  return child;
}
