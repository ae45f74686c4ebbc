/**
 * Results of a pure function of a string, remembered up to `capacity` keys; when full it starts
 * over (cheaper per hit than an LRU, and the keys of a hot path are few). For per-request work
 * whose outcome depends on the key only: route matching, query validation, log redaction.
 */
export class BoundedMemo<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly capacity = 4_096) {}

  get(key: string, compute: (key: string) => V): V {
    let value = this.entries.get(key);
    if (value === undefined) {
      value = compute(key);
      if (this.entries.size >= this.capacity) this.entries.clear();
      this.entries.set(key, value);
    }
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}
