/** Answers from this size on count towards the budget; smaller ones live as long as their object. */
const LARGE_ANSWER_BYTES = 64 * 1024;

/** The large answers of one returned object, in the recency order. */
interface LargeEntry {
  readonly result: WeakRef<object>;
  bytes: number;
}

/**
 * Serialised answers per returned object and scope set, held no longer than their object: a data
 * source that builds a fresh list per request, or replaces a list when the data changes, leaves
 * nothing behind (an object it let go can never be served again). Large answers are also bounded by
 * their total size, the least recently served going first, and are kept only from their second
 * serving on: a full sync reads every list once, so keeping each at its first serving only filled
 * the budget with bytes never asked for again. Unbounded, a full sync of the large world kept every
 * list it ever served as bytes — about 1 GiB of the mock's 2 GiB.
 */
export class AnswerBytesCache {
  private readonly small = new WeakMap<object, Map<string, Uint8Array>>();
  /** Large answers served once, by object and scope key: the next serving stores the bytes. */
  private readonly servedOnce = new WeakMap<object, Set<string>>();
  private readonly large = new WeakMap<object, Map<string, Uint8Array>>();
  private readonly entries = new WeakMap<object, LargeEntry>();
  /** Insertion order is recency: a hit moves the entry to the end. */
  private readonly recency = new Set<LargeEntry>();
  /** An object collected takes its bytes out of the budget (the bytes themselves went with it). */
  private readonly collected = new FinalizationRegistry<LargeEntry>((entry) => this.forget(entry));
  private largeBytes = 0;

  constructor(private readonly maxBytes: number) {}

  get(result: object, key: string): Uint8Array | undefined {
    const small = this.small.get(result)?.get(key);
    if (small) return small;
    const found = this.large.get(result)?.get(key);
    if (found) {
      const entry = this.entries.get(result)!;
      this.recency.delete(entry);
      this.recency.add(entry);
    }
    return found;
  }

  set(result: object, key: string, body: Uint8Array): void {
    if (body.byteLength < LARGE_ANSWER_BYTES) {
      let byKey = this.small.get(result);
      if (!byKey) this.small.set(result, (byKey = new Map()));
      byKey.set(key, body);
      return;
    }
    if (body.byteLength > this.maxBytes) return;
    let byKey = this.large.get(result);
    if (!byKey?.has(key)) {
      let served = this.servedOnce.get(result);
      if (!served) this.servedOnce.set(result, (served = new Set()));
      if (!served.has(key)) {
        served.add(key);
        return;
      }
      served.delete(key);
    }
    let entry = this.entries.get(result);
    if (!byKey || !entry) {
      this.large.set(result, (byKey = new Map()));
      this.entries.set(result, (entry = { result: new WeakRef(result), bytes: 0 }));
      this.recency.add(entry);
      this.collected.register(result, entry, entry);
    }
    const grown = body.byteLength - (byKey.get(key)?.byteLength ?? 0);
    entry.bytes += grown;
    this.largeBytes += grown;
    byKey.set(key, body);
    for (const oldest of this.recency) {
      if (this.largeBytes <= this.maxBytes) break;
      if (oldest === entry) continue;
      this.forget(oldest);
      this.collected.unregister(oldest);
      const target = oldest.result.deref();
      if (target) {
        this.large.delete(target);
        this.entries.delete(target);
      }
    }
  }

  private forget(entry: LargeEntry): void {
    if (this.recency.delete(entry)) this.largeBytes -= entry.bytes;
  }

  /** Bytes of large answers held (the bounded part). */
  get size(): number {
    return this.largeBytes;
  }
}
