/** Answers from this size on count towards the budget; smaller ones live as long as their object. */
const LARGE_ANSWER_BYTES = 64 * 1024;

/**
 * Serialised answers per returned object and scope set. Small answers hang off their object (a
 * WeakMap: a data source that builds a fresh list per request leaves nothing behind); large ones
 * are bounded by their total size, the least recently served going first, and are kept only from
 * their second serving on: a full sync reads every list once, so keeping each at its first serving
 * only filled the budget with bytes never asked for again. Unbounded, a full sync of the large
 * world kept every list it ever served as bytes — about 1 GiB of the mock's 2 GiB.
 */
export class AnswerBytesCache {
  private readonly small = new WeakMap<object, Map<string, Uint8Array>>();
  /** Large answers served once, by object and scope key: the next serving stores the bytes. */
  private readonly servedOnce = new WeakMap<object, Set<string>>();
  /** Insertion order is recency: a hit moves the object to the end. */
  private readonly large = new Map<object, Map<string, Uint8Array>>();
  private largeBytes = 0;

  constructor(private readonly maxBytes: number) {}

  get(result: object, key: string): Uint8Array | undefined {
    const small = this.small.get(result)?.get(key);
    if (small) return small;
    const byKey = this.large.get(result);
    const found = byKey?.get(key);
    if (found) {
      this.large.delete(result);
      this.large.set(result, byKey!);
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
    if (!byKey) this.large.set(result, (byKey = new Map()));
    this.largeBytes += body.byteLength - (byKey.get(key)?.byteLength ?? 0);
    byKey.set(key, body);
    for (const [oldest, oldestByKey] of this.large) {
      if (this.largeBytes <= this.maxBytes) break;
      if (oldest === result) continue;
      for (const stored of oldestByKey.values()) this.largeBytes -= stored.byteLength;
      this.large.delete(oldest);
    }
  }

  /** Bytes of large answers held (the bounded part). */
  get size(): number {
    return this.largeBytes;
  }
}
