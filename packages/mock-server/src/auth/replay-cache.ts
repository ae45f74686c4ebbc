/** Remembers client-assertion `jti` values until their assertion expires, to refuse replays. */
export class ReplayCache {
  private readonly seen = new Map<string, number>();

  /** Records the id; false when it was already used and has not expired yet. */
  remember(key: string, expiresAtSeconds: number, nowSeconds: number): boolean {
    if (this.seen.size > 10_000) this.prune(nowSeconds);
    const existing = this.seen.get(key);
    if (existing !== undefined && existing >= nowSeconds) return false;
    this.seen.set(key, expiresAtSeconds);
    return true;
  }

  private prune(nowSeconds: number): void {
    for (const [key, expiresAt] of this.seen) if (expiresAt < nowSeconds) this.seen.delete(key);
  }
}
