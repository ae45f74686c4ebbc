import assert, { AssertionError } from 'node:assert/strict';
import type { ExchangeKey, ExchangeStore, NewOutboundMessage } from './store';

/** Makes an empty store; called once per rule so that the rules do not see each other's records. */
export type ExchangeStoreFactory = () => ExchangeStore | Promise<ExchangeStore>;

export interface VerifyExchangeStoreOptions {
  /** Run only the rules with these names (all by default). */
  readonly only?: readonly string[];
}

type Rule = (store: ExchangeStore) => Promise<void>;

const T0 = Date.UTC(2026, 2, 4, 5, 6, 7, 89);
/** A moment `ms` after a fixed start with a millisecond part, so that Date precision is checked too. */
const at = (ms = 0) => new Date(T0 + ms);
const key = (referenceId: string, peer = 'client-a'): ExchangeKey => ({ api: 'order-api', operationId: 'placeOrder', peer, referenceId });
const confirmationOf = (of: ExchangeKey, id: string, when = at()): NewOutboundMessage => ({
  id,
  kind: 'confirmation',
  key: of,
  operationId: 'confirmOrder',
  body: { confirms: of.referenceId },
  at: when,
});
const requestOf = (of: ExchangeKey, id: string, when = at()): NewOutboundMessage => ({
  id,
  kind: 'request',
  key: of,
  operationId: 'placeOrder',
  body: { order: of.referenceId },
  at: when,
});
const claim = (worker: string, now: Date, limit = 100, leaseMs = 1_000) => ({ worker, now, leaseMs, limit });
const refs = (records: readonly { key: ExchangeKey }[]) => records.map((record) => record.key.referenceId);
const ids = (records: readonly { id: string }[]) => records.map((record) => record.id);
const sameTime = (actual: Date | undefined, expected: Date, what: string) => {
  assert.ok(actual instanceof Date, `${what} is a Date`);
  assert.equal(actual.getTime(), expected.getTime(), `${what} keeps its millisecond`);
};
const noDuplicates = (values: readonly string[], what: string) => assert.equal(new Set(values).size, values.length, `${what}: ${values.join(', ')}`);

async function receiveAll(store: ExchangeStore, count: number, prefix = 'r') {
  for (let index = 0; index < count; index += 1) await store.receiveRequest(key(`${prefix}${index}`), { index }, at(index));
}

async function enqueueAll(store: ExchangeStore, count: number) {
  for (let index = 0; index < count; index += 1) await store.enqueue(confirmationOf(key(`m${index}`), `m${index}`, at(index)));
}

/** Every rule an ExchangeStore must keep, by name; the names are what a failure reports. */
const RULES: Record<string, Rule> = {
  async 'receiveRequest records a key once, also under concurrency'(store) {
    const outcomes = await Promise.all(Array.from({ length: 20 }, (_, index) => store.receiveRequest(key('dup'), { index }, at())));
    assert.equal(outcomes.filter((outcome) => outcome.created).length, 1, 'exactly one concurrent call creates the request');
    const winner = outcomes.find((outcome) => outcome.created)!.request.body;
    for (const outcome of outcomes) assert.deepEqual(outcome.request.body, winner, 'every caller sees the body of the first');
    const stored = await store.getRequest(key('dup'));
    assert.deepEqual(stored?.body, winner);
    assert.equal(stored?.state, 'received');
    assert.equal(stored?.attempts, 0);
    sameTime(stored?.receivedAt, at(), 'receivedAt');
    sameTime(stored?.availableAt, at(), 'availableAt of a new request');
    const otherPeer = await store.receiveRequest(key('dup', 'client-b'), { other: true }, at());
    assert.equal(otherPeer.created, true, 'the same reference id from another peer is another exchange');
  },

  async 'claimRequests leases a request to one worker at a time'(store) {
    await receiveAll(store, 12);
    const claims = await Promise.all(['w1', 'w2', 'w3', 'w4'].map((worker) => store.claimRequests(claim(worker, at(100), 5))));
    const claimed = claims.flatMap(refs);
    noDuplicates(claimed, 'a request was leased to two workers');
    assert.equal(claimed.length, 12, 'concurrent workers together claim every available request');
    for (const request of claims.flat()) {
      assert.equal(request.state, 'processing');
      assert.equal(request.attempts, 1);
    }
    assert.deepEqual(await store.claimRequests(claim('w5', at(999))), [], 'a held lease is not taken by another worker');
  },

  async 'claimRequests takes the oldest available requests first, up to the limit'(store) {
    await store.receiveRequest(key('late'), {}, at(30));
    await store.receiveRequest(key('first'), {}, at(10));
    await store.receiveRequest(key('second'), {}, at(20));
    assert.deepEqual(refs(await store.claimRequests(claim('w1', at(50), 2))), ['first', 'second']);
    assert.deepEqual(refs(await store.claimRequests(claim('w1', at(50), 2))), ['late']);
  },

  async 'an expired lease can be claimed again and the old holder loses it'(store) {
    await store.receiveRequest(key('crash'), {}, at());
    assert.deepEqual(refs(await store.claimRequests(claim('crashed', at(0), 10, 1_000))), ['crash']);
    assert.deepEqual(await store.claimRequests(claim('w2', at(999))), [], 'not before the lease ends');
    const [again] = await store.claimRequests(claim('w2', at(1_000)));
    assert.equal(again?.key.referenceId, 'crash', 'claimable once the lease has ended');
    assert.equal(again?.attempts, 2);
    assert.equal(
      await store.completeRequest(key('crash'), 'crashed', { late: true }, at(1_001), confirmationOf(key('crash'), 'c-old')),
      false,
      'the old holder cannot complete',
    );
    assert.equal(await store.getOutbound('c-old'), undefined);
    assert.equal(await store.completeRequest(key('crash'), 'w2', { ok: true }, at(1_002), confirmationOf(key('crash'), 'c-new')), true);
  },

  async 'completeRequest needs the lease and stores the confirmation with its delivery'(store) {
    await store.receiveRequest(key('c'), { order: 1 }, at());
    assert.equal(await store.completeRequest(key('c'), 'w1', { no: 'lease' }, at(1), confirmationOf(key('c'), 'c-1')), false, 'refused without a claim');
    assert.equal(await store.getOutbound('c-1'), undefined, 'a refused completion enqueues nothing');
    assert.equal((await store.getRequest(key('c')))?.state, 'received');
    await store.claimRequests(claim('w1', at(2)));
    assert.equal(await store.completeRequest(key('c'), 'w2', { wrong: 'worker' }, at(3), confirmationOf(key('c'), 'c-2')), false, 'refused for another worker');
    assert.equal(await store.getOutbound('c-2'), undefined);
    assert.equal(await store.completeRequest(key('c'), 'w1', { confirmed: true }, at(4), confirmationOf(key('c'), 'c-3', at(4))), true);
    const done = await store.getRequest(key('c'));
    assert.equal(done?.state, 'processed');
    assert.deepEqual(done?.confirmation, { confirmed: true });
    sameTime(done?.processedAt, at(4), 'processedAt');
    const delivery = await store.getOutbound('c-3');
    assert.equal(delivery?.state, 'pending', 'the confirmation is queued with the completion');
    assert.equal(delivery?.kind, 'confirmation');
    assert.equal(delivery?.operationId, 'confirmOrder');
    assert.deepEqual(delivery?.key, key('c'));
    assert.equal(delivery?.attempts, 0);
    sameTime(delivery?.nextAttemptAt, at(4), 'nextAttemptAt of a new message');
    sameTime(delivery?.createdAt, at(4), 'createdAt');
    assert.equal(
      await store.completeRequest(key('c'), 'w1', { twice: true }, at(5), confirmationOf(key('c'), 'c-4')),
      false,
      'a processed request is not completed twice',
    );
    assert.equal(await store.getOutbound('c-4'), undefined);
    assert.deepEqual(await store.claimRequests(claim('w3', at(10_000))), [], 'a processed request is not claimed');
  },

  async 'releaseRequest gives a leased request back from retryAt'(store) {
    await store.receiveRequest(key('retry'), {}, at());
    await store.claimRequests(claim('w1', at(0)));
    await store.releaseRequest(key('retry'), 'w2', at(10), 'not mine');
    assert.equal((await store.getRequest(key('retry')))?.state, 'processing', 'another worker cannot release it');
    await store.releaseRequest(key('retry'), 'w1', at(60_000), 'downstream timed out');
    const released = await store.getRequest(key('retry'));
    assert.equal(released?.state, 'received');
    assert.equal(released?.lastError, 'downstream timed out');
    sameTime(released?.availableAt, at(60_000), 'availableAt after a release');
    assert.deepEqual(await store.claimRequests(claim('w2', at(59_999))), [], 'not before retryAt');
    const [again] = await store.claimRequests(claim('w2', at(60_000)));
    assert.equal(again?.attempts, 2, 'available again from retryAt');
  },

  async 'enqueue is idempotent by id'(store) {
    assert.equal(await store.enqueue(confirmationOf(key('e'), 'e-1')), true);
    assert.equal(await store.enqueue({ ...confirmationOf(key('e'), 'e-1'), body: { changed: true } }), false);
    assert.deepEqual((await store.getOutbound('e-1'))?.body, { confirms: 'e' }, 'the first body is kept');
  },

  async 'claimOutbound takes due pending messages, oldest due first, one worker at a time'(store) {
    await store.enqueue(confirmationOf(key('third'), 'third', at(30)));
    await store.enqueue(confirmationOf(key('first'), 'first', at(10)));
    await store.enqueue(confirmationOf(key('future'), 'future', at(5_000)));
    await store.enqueue(confirmationOf(key('second'), 'second', at(20)));
    assert.deepEqual(ids(await store.claimOutbound(claim('w1', at(100), 2))), ['first', 'second']);
    assert.deepEqual(ids(await store.claimOutbound(claim('w2', at(100)))), ['third'], 'leased messages are skipped, future ones are not due');
    assert.deepEqual(ids(await store.claimOutbound(claim('w2', at(1_100)))), ['first', 'second', 'third'], 'expired leases are claimable again');
    await enqueueAll(store, 12);
    const claims = await Promise.all(['a', 'b', 'c', 'd'].map((worker) => store.claimOutbound(claim(worker, at(2_200), 5))));
    const claimed = claims.flatMap(ids);
    noDuplicates(claimed, 'a message was leased to two workers');
    assert.equal(claimed.filter((id) => id.startsWith('m')).length, 12, 'concurrent workers together claim every due message');
  },

  async 'markDelivered and markAttemptFailed need the lease'(store) {
    await store.enqueue(confirmationOf(key('d'), 'd'));
    await store.claimOutbound(claim('w1', at(0)));
    await store.markDelivered('d', 'w2', at(1));
    await store.markAttemptFailed('d', 'w2', at(2), 'not mine');
    const untouched = await store.getOutbound('d');
    assert.equal(untouched?.state, 'pending', 'another worker cannot mark it');
    assert.equal(untouched?.attempts, 0);
    await store.markAttemptFailed('d', 'w1', at(30_000), 'HTTP 503');
    const failed = await store.getOutbound('d');
    assert.equal(failed?.state, 'pending');
    assert.equal(failed?.attempts, 1);
    assert.equal(failed?.lastError, 'HTTP 503');
    sameTime(failed?.nextAttemptAt, at(30_000), 'nextAttemptAt after a failed attempt');
    assert.deepEqual(await store.claimOutbound(claim('w2', at(29_999))), [], 'not before nextAttemptAt');
    assert.deepEqual(ids(await store.claimOutbound(claim('w2', at(30_000)))), ['d'], 'a failed attempt frees the lease');
    await store.markDelivered('d', 'w2', at(30_001));
    const delivered = await store.getOutbound('d');
    assert.equal(delivered?.state, 'delivered');
    assert.equal(delivered?.attempts, 2);
    assert.equal(delivered?.lastError, undefined, 'a delivery clears the last error');
    sameTime(delivered?.deliveredAt, at(30_001), 'deliveredAt');
    assert.deepEqual(await store.claimOutbound(claim('w3', at(90_000))), [], 'a delivered message is not claimed');
  },

  async 'markAttemptFailed with giveUp marks a message failed for good'(store) {
    await store.enqueue(confirmationOf(key('g'), 'g'));
    await store.claimOutbound(claim('w1', at(0)));
    await store.markAttemptFailed('g', 'w1', at(10), 'HTTP 400', true);
    const failed = await store.getOutbound('g');
    assert.equal(failed?.state, 'failed');
    assert.equal(failed?.lastError, 'HTTP 400');
    assert.deepEqual(await store.claimOutbound(claim('w1', at(90_000))), [], 'a failed message is not claimed');
  },

  async 'redeliver queues a delivered or failed message again'(store) {
    await store.enqueue(confirmationOf(key('x'), 'x'));
    await store.claimOutbound(claim('w1', at(0)));
    await store.markDelivered('x', 'w1', at(1));
    await store.redeliver('x', at(5_000));
    const again = await store.getOutbound('x');
    assert.equal(again?.state, 'pending');
    sameTime(again?.nextAttemptAt, at(5_000), 'nextAttemptAt after redeliver');
    assert.deepEqual(ids(await store.claimOutbound(claim('w2', at(5_000)))), ['x']);
    await store.markAttemptFailed('x', 'w2', at(6_000), 'gone', true);
    await store.redeliver('x', at(7_000));
    assert.equal((await store.getOutbound('x'))?.state, 'pending', 'a failed message can be sent again too');
    await store.redeliver('no-such-message', at(7_000));
  },

  async 'redeliver during an attempt in flight: that attempt cannot mark the message delivered'(store) {
    await store.enqueue(confirmationOf(key('r'), 'r'));
    assert.deepEqual(ids(await store.claimOutbound(claim('w1', at(0)))), ['r']);
    await store.redeliver('r', at(10));
    await store.markDelivered('r', 'w1', at(20));
    assert.equal((await store.getOutbound('r'))?.state, 'pending', 'the repeat still needs its own send');
    assert.deepEqual(ids(await store.claimOutbound(claim('w2', at(30)))), ['r'], 'claimable again at once');
  },

  async 'recordSent records a key once and enqueues its delivery with it'(store) {
    assert.equal(await store.recordSent(key('s', ''), { order: 1 }, at(), requestOf(key('s', ''), 's-1')), true);
    const sent = await store.getSent(key('s', ''));
    assert.deepEqual(sent?.body, { order: 1 });
    sameTime(sent?.sentAt, at(), 'sentAt');
    assert.equal(sent?.confirmations, 0);
    assert.equal(sent?.confirmation, undefined);
    assert.equal(sent?.confirmedAt, undefined);
    const delivery = await store.getOutbound('s-1');
    assert.equal(delivery?.kind, 'request');
    assert.equal(delivery?.state, 'pending');
    assert.equal(await store.recordSent(key('s', ''), { order: 2 }, at(1), requestOf(key('s', ''), 's-2')), false, 'a known key is refused');
    assert.equal(await store.getOutbound('s-2'), undefined, 'a refused recordSent enqueues nothing');
    assert.deepEqual((await store.getSent(key('s', '')))?.body, { order: 1 });
  },

  async 'receiveConfirmation tells first, repeat and unknown apart'(store) {
    assert.deepEqual(await store.receiveConfirmation(key('never', ''), { x: 1 }, at()), { outcome: 'unknown' });
    await store.recordSent(key('s', ''), { order: 1 }, at(), requestOf(key('s', ''), 's'));
    const first = await store.receiveConfirmation(key('s', ''), { status: 'approved' }, at(10));
    assert.equal(first.outcome, 'first');
    const repeat = await store.receiveConfirmation(key('s', ''), { status: 'declined' }, at(20));
    assert.equal(repeat.outcome, 'repeat');
    const kept = await store.getSent(key('s', ''));
    assert.deepEqual(kept?.confirmation, { status: 'approved' }, 'the first confirmation is kept');
    sameTime(kept?.confirmedAt, at(10), 'confirmedAt');
    assert.equal(kept?.confirmations, 2, 'repeats are counted');
    await store.recordSent(key('race', ''), {}, at(), requestOf(key('race', ''), 'race'));
    const outcomes = await Promise.all(Array.from({ length: 10 }, (_, index) => store.receiveConfirmation(key('race', ''), { index }, at(30))));
    assert.equal(outcomes.filter((outcome) => outcome.outcome === 'first').length, 1, 'one of concurrent confirmations is the first');
    assert.equal((await store.getSent(key('race', '')))?.confirmations, 10);
  },

  async 'bodies are copied in and out, never shared'(store) {
    const body = { lines: [{ ean: '9789024429035' }] };
    const { request } = await store.receiveRequest(key('b'), body, at());
    body.lines[0]!.ean = 'changed by the caller';
    (request.body as typeof body).lines.push({ ean: 'pushed by the caller' });
    assert.deepEqual((await store.getRequest(key('b')))?.body, { lines: [{ ean: '9789024429035' }] }, 'a received body');
    const message = { ...confirmationOf(key('b'), 'b'), body: { status: 'approved' } };
    await store.enqueue(message);
    message.body.status = 'changed';
    const read = await store.getOutbound('b');
    (read?.body as { status: string }).status = 'changed too';
    assert.deepEqual((await store.getOutbound('b'))?.body, { status: 'approved' }, 'an outbound body');
    const confirmation = { status: 'approved' };
    await store.claimRequests(claim('w1', at(0)));
    await store.completeRequest(key('b'), 'w1', confirmation, at(1), confirmationOf(key('b'), 'b-c'));
    confirmation.status = 'changed';
    assert.deepEqual((await store.getRequest(key('b')))?.confirmation, { status: 'approved' }, 'a stored confirmation');
    const sentBody = { order: 'original' };
    await store.recordSent(key('sb', ''), sentBody, at(), requestOf(key('sb', ''), 'sb'));
    sentBody.order = 'changed';
    assert.deepEqual((await store.getSent(key('sb', '')))?.body, { order: 'original' }, 'a sent body');
  },

  async 'unknown keys and ids read as undefined and change nothing'(store) {
    assert.equal(await store.getRequest(key('none')), undefined);
    assert.equal(await store.getOutbound('none'), undefined);
    assert.equal(await store.getSent(key('none', '')), undefined);
    assert.equal(await store.completeRequest(key('none'), 'w1', {}, at(), confirmationOf(key('none'), 'none')), false);
    assert.equal(await store.getOutbound('none'), undefined);
    await store.releaseRequest(key('none'), 'w1', at(), 'x');
    await store.markDelivered('none', 'w1', at());
    await store.markAttemptFailed('none', 'w1', at(), 'x');
    assert.equal(await store.getRequest(key('none')), undefined);
  },
};

/** The names of the rules `verifyExchangeStore` checks, in the order it checks them. */
export const EXCHANGE_STORE_RULES: readonly string[] = Object.keys(RULES);

/**
 * Checks an ExchangeStore against the contract in `store.ts`: each rule on a fresh store from
 * `createStore`, closed afterwards. Throws an AssertionError naming the first rule broken;
 * resolves with the names of the rules checked.
 */
export async function verifyExchangeStore(createStore: ExchangeStoreFactory, options: VerifyExchangeStoreOptions = {}): Promise<string[]> {
  const names = options.only ? EXCHANGE_STORE_RULES.filter((name) => options.only!.includes(name)) : [...EXCHANGE_STORE_RULES];
  for (const name of names) {
    const store = await createStore();
    try {
      await RULES[name]!(store);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new AssertionError({ message: `ExchangeStore rule broken: "${name}": ${reason}` });
    } finally {
      await store.close();
    }
  }
  return names;
}
