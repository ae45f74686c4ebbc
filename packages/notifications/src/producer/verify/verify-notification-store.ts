import assert from 'node:assert/strict';
import type { StoredNotification } from '../log';
import type { NotificationDraft, NotificationStore } from '../notification-store';

/** Makes an empty store; called once per rule so that the rules do not see each other's records. */
export type NotificationStoreFactory = () => NotificationStore | Promise<NotificationStore>;

export interface VerifyNotificationStoreOptions {
  /** Run only the rules with these names (all by default). */
  readonly only?: readonly string[];
}

type Rule = (store: NotificationStore) => Promise<void>;

const T0 = Date.UTC(2026, 2, 4, 5, 6, 7, 89);
const at = (ms = 0) => new Date(T0 + ms);
let drafts = 0;
/** A draft of a valid notification with a fresh UUID. */
const draft = (overrides: Partial<NotificationDraft> = {}): NotificationDraft => {
  drafts += 1;
  const id = `00000000-0000-4000-8000-${drafts.toString(16).padStart(12, '0')}`;
  return {
    id,
    notificationType: 'object',
    objectType: 'Student',
    objectId: `student-${drafts}`,
    school: { organisationMasterIdentifier: '104A158' },
    api: 'students-api',
    orgMasterId: '104A158',
    ...overrides,
  };
};
const sequences = (entries: readonly StoredNotification[]) => entries.map((entry) => entry.sequence);
const idsOf = (entries: readonly StoredNotification[]) => entries.map((entry) => entry.id);
const subscription = (clientId: string, api = 'students-api', callbackUrl = `https://${clientId}.example/notify`) => ({ clientId, api, callbackUrl });
const lease = (worker: string, ms = 0, leaseMs = 1_000) => ({ worker, now: at(ms), leaseMs });

async function rejects(promise: Promise<unknown>, kind: typeof RangeError, what: string): Promise<void> {
  await assert.rejects(promise, (error: unknown) => error instanceof kind, what);
}

/** Every rule a NotificationStore must keep, by name; the names are what a failure reports. */
const RULES: Record<string, Rule> = {
  async 'append gives consecutive sequence numbers from 1 and a default created after the last'(store) {
    const first = await store.append([draft(), draft()], at());
    const second = await store.append([draft()], at(-5_000));
    assert.deepEqual(sequences([...first, ...second]), [1, 2, 3]);
    assert.equal(first[0]!.created, at().toISOString());
    assert.equal(Date.parse(first[1]!.created), T0 + 1, 'the second of a batch is 1 ms later');
    assert.equal(Date.parse(second[0]!.created), T0 + 2, 'a clock behind the log still appends after the last');
    assert.equal(await store.lastSequence(), 3);
  },

  async 'append keeps every field and leaves out what was absent'(store) {
    const full = draft({ url: 'https://bron.example/students/1', isDeleteNotification: true, created: '2026-03-04T05:06:07.089Z' });
    const { orgMasterId: _school, school: _ref, objectId: _object, ...bare } = draft({ notificationType: 'bulk' });
    assert.deepEqual(await store.after(0, { limit: 10 }), []);
    await store.append([full, bare], at());
    const [one, two] = await store.after(0, { limit: 10 });
    assert.deepEqual(one, { ...full, sequence: 1 });
    assert.deepEqual(two, { ...bare, created: new Date(T0 + 1).toISOString(), sequence: 2 });
  },

  async 'append is all or nothing: an earlier created or a known id refuses the whole batch'(store) {
    const [kept] = await store.append([draft({ created: '2026-03-04T10:00:00Z' })], at());
    await rejects(
      store.append([draft({ created: '2026-03-04T10:00:01Z' }), draft({ created: '2026-03-04T09:59:59Z' })], at()),
      RangeError,
      'an earlier created',
    );
    await rejects(store.append([draft(), draft({ id: kept!.id })], at()), RangeError, 'an id the store holds');
    const twice = draft();
    await rejects(store.append([twice, { ...twice }], at()), RangeError, 'one id twice in a batch');
    assert.deepEqual(idsOf(await store.after(0, { limit: 10 })), [kept!.id]);
    assert.equal(await store.lastSequence(), 1);
    const [next] = await store.append([draft({ created: '2026-03-04T10:00:00Z' })], at());
    assert.equal(next!.sequence, 2, 'a refused batch uses up no sequence number');
  },

  async 'concurrent appends get distinct consecutive sequence numbers in created order'(store) {
    const results = await Promise.all(Array.from({ length: 20 }, (_, index) => store.append([draft(), draft()], at(index))));
    const all = await store.after(0, { limit: 100 });
    assert.deepEqual(
      sequences(all),
      Array.from({ length: 40 }, (_, index) => index + 1),
    );
    assert.deepEqual(new Set(results.flat().map((entry) => entry.sequence)).size, 40);
    for (let index = 1; index < all.length; index += 1)
      assert.ok(Date.parse(all[index]!.created) > Date.parse(all[index - 1]!.created), 'created grows with sequence');
    for (const batch of results) assert.equal(batch[1]!.sequence, batch[0]!.sequence + 1, 'a batch is consecutive');
  },

  async 'after reads past a sequence number, with a limit and optionally one api'(store) {
    await store.append([draft(), draft({ api: 'employees-api', objectType: 'Employee' }), draft(), draft()], at());
    assert.deepEqual(sequences(await store.after(1, { limit: 2 })), [2, 3]);
    assert.deepEqual(sequences(await store.after(1, { api: 'students-api', limit: 10 })), [3, 4]);
    assert.deepEqual(await store.after(4, { limit: 10 }), []);
  },

  async 'list filters by api, objectType, school and since (exclusive)'(store) {
    await store.append(
      [
        draft({ created: '2026-03-04T10:00:00Z' }),
        draft({ created: '2026-03-04T10:00:01Z', api: 'employees-api', objectType: 'Employee', orgMasterId: '20XY301' }),
        draft({ created: '2026-03-04T10:00:02Z' }),
      ],
      at(),
    );
    assert.deepEqual(sequences(await store.list()), [1, 2, 3]);
    assert.deepEqual(sequences(await store.list({ api: 'students-api' })), [1, 3]);
    assert.deepEqual(sequences(await store.list({ objectType: 'Employee' })), [2]);
    assert.deepEqual(sequences(await store.list({ orgMasterId: '20XY301' })), [2]);
    assert.deepEqual(sequences(await store.list({ since: '2026-03-04T10:00:01Z' })), [3]);
    await rejects(store.list({ since: 'yesterday' }), RangeError, 'a since that is no date-time');
  },

  async 'saveSubscription is idempotent: a repeat keeps the cursor and takes the new callbackUrl'(store) {
    assert.deepEqual(await store.saveSubscription(subscription('a'), 5), { ...subscription('a'), cursor: 5 });
    await store.saveSubscription(subscription('b', 'employees-api'), 0);
    const again = await store.saveSubscription(subscription('a', 'students-api', 'https://moved.example'), 9);
    assert.deepEqual(again, { ...subscription('a', 'students-api', 'https://moved.example'), cursor: 5 });
    assert.deepEqual(await store.getSubscription('a', 'students-api'), again);
    const all = (await store.subscriptions()).sort((x, y) => x.clientId.localeCompare(y.clientId));
    assert.deepEqual(all, [again, { ...subscription('b', 'employees-api'), cursor: 0 }]);
    await store.removeSubscription('a', 'students-api');
    await store.removeSubscription('nobody', 'students-api');
    assert.equal(await store.getSubscription('a', 'students-api'), undefined);
    assert.equal((await store.subscriptions()).length, 1);
  },

  async 'advanceCursor only moves forward'(store) {
    await store.saveSubscription(subscription('a'), 3);
    assert.equal(await store.advanceCursor('a', 'students-api', 7), 7);
    assert.equal(await store.advanceCursor('a', 'students-api', 4), 7, 'a lower value changes nothing');
    await Promise.all([10, 8, 12, 9].map((to) => store.advanceCursor('a', 'students-api', to)));
    assert.equal((await store.getSubscription('a', 'students-api'))!.cursor, 12);
    assert.equal(await store.advanceCursor('nobody', 'students-api', 1), undefined);
  },

  async 'a subscription lease has one holder until it ends or is released'(store) {
    await store.saveSubscription(subscription('a'), 0);
    assert.equal((await store.leaseSubscription('a', 'students-api', lease('w1')))?.clientId, 'a');
    assert.equal(await store.leaseSubscription('a', 'students-api', lease('w2', 500)), undefined, 'held by w1');
    assert.ok(await store.leaseSubscription('a', 'students-api', lease('w1', 900)), 'the holder renews');
    assert.equal(await store.leaseSubscription('a', 'students-api', lease('w2', 1_500)), undefined, 'renewed until 1900');
    assert.ok(await store.leaseSubscription('a', 'students-api', lease('w2', 1_900)), 'ended: another takes over');
    await store.releaseSubscription('a', 'students-api', 'w1');
    assert.equal(await store.leaseSubscription('a', 'students-api', lease('w1', 2_000)), undefined, 'a release by a non-holder changes nothing');
    await store.releaseSubscription('a', 'students-api', 'w2');
    assert.ok(await store.leaseSubscription('a', 'students-api', lease('w1', 2_000)), 'released: free at once');
    const racers = await Promise.all(['x', 'y', 'z'].map((worker) => store.leaseSubscription('a', 'students-api', lease(worker, 10_000))));
    assert.equal(racers.filter(Boolean).length, 1, 'of concurrent claimants exactly one wins');
    assert.equal(await store.leaseSubscription('nobody', 'students-api', lease('w1')), undefined);
  },
};

/** The names of the rules, in the order they run. */
export const NOTIFICATION_STORE_RULES: readonly string[] = Object.keys(RULES);

/**
 * Checks a NotificationStore against the contract: each rule on a fresh store from `factory`,
 * closed afterwards. Resolves with the names of the rules that ran; rejects at the first broken one.
 */
export async function verifyNotificationStore(factory: NotificationStoreFactory, options: VerifyNotificationStoreOptions = {}): Promise<string[]> {
  const ran: string[] = [];
  for (const [name, rule] of Object.entries(RULES)) {
    if (options.only && !options.only.includes(name)) continue;
    const store = await factory();
    try {
      await rule(store);
    } catch (error) {
      throw new Error(`NotificationStore rule broken: ${name}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    } finally {
      await store.close();
    }
    ran.push(name);
  }
  return ran;
}
