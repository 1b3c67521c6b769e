/**
 * "At most `max` per `windowMs` per key", counted in fixed windows (the same rule @fastify/rate-limit applies per IP):
 * a key's window starts with its first hit and every hit in it counts, so a flood stays limited until it stops for a
 * window. Memory is bounded: expired windows are dropped once per window (a day of new learners must not pile up
 * until `maxKeys`), and past `maxKeys` keys, expired windows are dropped, then the oldest.
 * The clock is injected so tests never wait.
 */
export function createRateWindow(options: { max: number; windowMs: number; maxKeys?: number; now?: () => number }) {
  const windows = new Map<string, { start: number; count: number }>();
  const now = options.now ?? Date.now;
  const maxKeys = options.maxKeys ?? 100_000;
  let lastPrune = now();

  function prune(at: number): void {
    lastPrune = at;
    for (const [key, w] of windows) if (at - w.start >= options.windowMs) windows.delete(key);
    // Still too many live windows: forget the oldest (Map keeps insertion order; a new window is re-inserted).
    for (const key of windows.keys()) {
      if (windows.size <= maxKeys) break;
      windows.delete(key);
    }
  }

  return {
    /** Counts one hit for `key`; true when it is within the limit, false when the key is over it. */
    hit(key: string): boolean {
      const at = now();
      let w = windows.get(key);
      if (!w || at - w.start >= options.windowMs) {
        windows.delete(key);
        w = { start: at, count: 0 };
        windows.set(key, w);
        if (windows.size > maxKeys || at - lastPrune >= options.windowMs) prune(at);
      }
      w.count += 1;
      return w.count <= options.max;
    },
    get size(): number {
      return windows.size;
    },
  };
}
