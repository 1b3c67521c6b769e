/**
 * Remembers recently seen delivery ids (Telegram update_id, Zalo message_id) for a while so that a webhook
 * redelivery or a polling overlap is processed once. Bounded in size and time: memory never grows with traffic.
 */
export class DedupCache {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly ttlMs = 10 * 60_000,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records the id and returns true the first time it is seen within the TTL; false for a duplicate. */
  firstTime(id: string): boolean {
    const now = this.now();
    this.evict(now);
    const at = this.seen.get(id);
    if (at !== undefined && now - at < this.ttlMs) return false;
    this.seen.delete(id);
    this.seen.set(id, now);
    return true;
  }

  get size(): number {
    return this.seen.size;
  }

  private evict(now: number): void {
    // Map keeps insertion order, so the oldest entries come first.
    for (const [id, at] of this.seen) {
      if (now - at < this.ttlMs && this.seen.size < this.maxEntries) break;
      this.seen.delete(id);
    }
  }
}
