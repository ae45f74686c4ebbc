/**
 * Serialised answers per returned object and scope set, bounded by their total size: the least
 * recently served object goes first. Unbounded (a WeakMap per object), a full sync of the large
 * world kept every list it ever served as bytes — about 1 GiB of the mock's 2 GiB.
 */
export class AnswerBytesCache {
  /** Insertion order is recency: a hit moves the object to the end. */
  private readonly entries = new Map<object, Map<string, Uint8Array>>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get(result: object, key: string): Uint8Array | undefined {
    const byKey = this.entries.get(result);
    const found = byKey?.get(key);
    if (found) {
      this.entries.delete(result);
      this.entries.set(result, byKey!);
    }
    return found;
  }

  set(result: object, key: string, body: Uint8Array): void {
    if (body.byteLength > this.maxBytes) return;
    let byKey = this.entries.get(result);
    if (!byKey) this.entries.set(result, (byKey = new Map()));
    this.bytes += body.byteLength - (byKey.get(key)?.byteLength ?? 0);
    byKey.set(key, body);
    for (const [oldest, oldestByKey] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      if (oldest === result) continue;
      for (const stored of oldestByKey.values()) this.bytes -= stored.byteLength;
      this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.bytes;
  }
}
