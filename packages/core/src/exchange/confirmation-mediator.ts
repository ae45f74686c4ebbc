import { EduvConfigError } from '../errors';
import type { ExchangeKey, ExchangeStore, SentRequest } from './store';

/** A confirmation matched to the request this party sent. */
export interface ExchangeConfirmation {
  readonly referenceId: string;
  /** The request operation (`placeOrder`, …). */
  readonly operationId: string;
  /** The first confirmation received; repeats are counted in `confirmations`, not kept. */
  readonly body: unknown;
  readonly confirmedAt: Date;
  /** Confirmations received for the request, repeats included. */
  readonly confirmations: number;
  readonly request: unknown;
}

export interface AwaitConfirmationOptions {
  /** The request operation; default every request operation of the verzender is looked in. */
  readonly operationId?: string;
  /** Reject with ConfirmationNotReceivedError after this long; default wait until `close()`. */
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
}

/** The confirmation did not arrive in time, or the verzender was closed first. */
export class ConfirmationNotReceivedError extends Error {
  override readonly name = 'ConfirmationNotReceivedError';
  constructor(
    readonly referenceId: string,
    readonly reason: 'timeout' | 'closed',
    readonly timeoutMs?: number,
  ) {
    super(
      reason === 'timeout'
        ? `no confirmation of reference id ${referenceId} within ${timeoutMs} ms`
        : `the verzender was closed before reference id ${referenceId} was confirmed`,
    );
  }
}

export interface ConfirmationMediator {
  wait(referenceId: string, options?: AwaitConfirmationOptions): Promise<ExchangeConfirmation>;
  /** A confirmation arrived at this instance: wake whoever waits for it, without waiting for the next poll. */
  notify(sent: SentRequest): void;
  /** Rejects every wait in progress. */
  close(): void;
}

interface Waiter {
  readonly keys: readonly ExchangeKey[];
  settle(result: { confirmation: ExchangeConfirmation } | { error: unknown }): void;
  check(): Promise<void>;
}

const confirmationOf = (sent: SentRequest): ExchangeConfirmation | undefined =>
  sent.confirmation === undefined || !sent.confirmedAt
    ? undefined
    : {
        referenceId: sent.key.referenceId,
        operationId: sent.key.operationId,
        body: sent.confirmation,
        confirmedAt: sent.confirmedAt,
        confirmations: sent.confirmations,
        request: sent.body,
      };

/**
 * The verzender's Event Mediator (§12.4): matches confirmations to requests by reference id. The
 * store is the truth, so a confirmation received by another instance sharing it is found by
 * polling; one received here wakes its waiters at once.
 */
export function createConfirmationMediator(
  store: ExchangeStore,
  keysFor: (referenceId: string, operationId?: string) => ExchangeKey[],
  pollIntervalMs: number,
): ConfirmationMediator {
  // By reference id, so that a confirmation finds its waiters without looking at everyone's.
  const waiters = new Map<string, Set<Waiter>>();
  const remove = (referenceId: string, waiter: Waiter): void => {
    const set = waiters.get(referenceId);
    set?.delete(waiter);
    if (set?.size === 0) waiters.delete(referenceId);
  };
  let closed = false;

  const findConfirmation = async (keys: readonly ExchangeKey[]): Promise<{ known: boolean; confirmation?: ExchangeConfirmation }> => {
    let known = false;
    for (const key of keys) {
      const sent = await store.getSent(key);
      if (!sent) continue;
      known = true;
      const confirmation = confirmationOf(sent);
      if (confirmation) return { known, confirmation };
    }
    return { known };
  };

  return {
    wait(referenceId, options = {}) {
      if (closed) return Promise.reject(new ConfirmationNotReceivedError(referenceId, 'closed'));
      const keys = keysFor(referenceId, options.operationId);
      return new Promise<ExchangeConfirmation>((resolve, reject) => {
        let poll: ReturnType<typeof setTimeout> | undefined;
        let settled = false;
        const timeout =
          options.timeoutMs === undefined
            ? undefined
            : setTimeout(() => waiter.settle({ error: new ConfirmationNotReceivedError(referenceId, 'timeout', options.timeoutMs) }), options.timeoutMs);
        const onAbort = (): void => waiter.settle({ error: options.signal?.reason });
        const waiter: Waiter = {
          keys,
          settle(result) {
            if (settled) return;
            settled = true;
            remove(referenceId, waiter);
            clearTimeout(poll);
            clearTimeout(timeout);
            options.signal?.removeEventListener('abort', onAbort);
            if ('confirmation' in result) resolve(result.confirmation);
            else reject(result.error);
          },
          async check() {
            try {
              const found = await findConfirmation(keys);
              if (found.confirmation) return waiter.settle({ confirmation: found.confirmation });
              if (!found.known) return waiter.settle({ error: new EduvConfigError(`no request was sent with reference id ${referenceId}`) });
            } catch {
              // the store is unreachable right now: look again at the next poll
            }
            if (!settled) poll = setTimeout(() => void waiter.check(), pollIntervalMs);
          },
        };
        if (options.signal?.aborted) return reject(options.signal.reason);
        options.signal?.addEventListener('abort', onAbort, { once: true });
        waiters.set(referenceId, (waiters.get(referenceId) ?? new Set()).add(waiter));
        void waiter.check();
      });
    },
    notify(sent) {
      const confirmation = confirmationOf(sent);
      if (!confirmation) return;
      for (const waiter of [...(waiters.get(sent.key.referenceId) ?? [])]) {
        if (waiter.keys.some((key) => key.operationId === sent.key.operationId)) waiter.settle({ confirmation });
      }
    },
    close() {
      closed = true;
      for (const [referenceId, set] of [...waiters]) {
        for (const waiter of [...set]) waiter.settle({ error: new ConfirmationNotReceivedError(referenceId, 'closed') });
      }
    },
  };
}
