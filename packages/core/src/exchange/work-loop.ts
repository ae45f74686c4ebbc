/** A background loop that claims due work from a store and handles it, several items at a time. */
export interface WorkLoop {
  /** Starts claiming; calling it again does nothing. */
  start(): void;
  /** There may be new work: claim now instead of at the next poll. */
  wake(): void;
  /** Stops claiming and resolves once the items in hand are handled; leaves no timer behind. */
  close(): Promise<void>;
}

export interface WorkLoopOptions<T> {
  /** Leases up to `limit` due items. */
  claim(limit: number): Promise<readonly T[]>;
  /** Handles one item; should not throw (a throw is reported through onError). */
  handle(item: T): Promise<void>;
  /** Items in hand at once. */
  concurrency: number;
  /** How long to wait for a wake-up when nothing was due (work that becomes due later, or another instance's). */
  pollIntervalMs: number;
  onError(error: unknown): void;
}

/**
 * Keeps up to `concurrency` items in hand: claims as many as there are free slots, and claims again
 * when an item is done, when woken, or after the poll interval.
 */
export function createWorkLoop<T>(options: WorkLoopOptions<T>): WorkLoop {
  const inHand = new Set<Promise<void>>();
  let running: Promise<void> | undefined;
  let stopped = false;
  let woken = false;
  let resume: (() => void) | undefined;

  const wake = (): void => {
    woken = true;
    resume?.();
  };

  const pause = (): Promise<void> => {
    if (woken || stopped) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, options.pollIntervalMs);
      function done(): void {
        clearTimeout(timer);
        resume = undefined;
        resolve();
      }
      resume = done;
    });
  };

  const track = (item: T): void => {
    const handled = options
      .handle(item)
      .catch(options.onError)
      .finally(() => {
        inHand.delete(handled);
        // Claim again once half the slots are free, not per item: every claim scans the store's due work.
        if (inHand.size <= options.concurrency / 2) wake();
      });
    inHand.add(handled);
  };

  const run = async (): Promise<void> => {
    while (!stopped) {
      woken = false;
      const free = options.concurrency - inHand.size;
      if (free > 0) {
        try {
          const items = await options.claim(free);
          for (const item of items) track(item);
          // A full batch may mean more is due: claim again straight away, slots permitting.
          if (items.length === free && inHand.size < options.concurrency) continue;
        } catch (error) {
          options.onError(error);
        }
      }
      await pause();
    }
  };

  return {
    start() {
      if (running || stopped) return;
      running = run();
    },
    wake,
    async close() {
      stopped = true;
      resume?.();
      await running;
      while (inHand.size) await Promise.all([...inHand]);
    },
  };
}
