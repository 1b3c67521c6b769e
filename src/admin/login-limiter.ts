/**
 * Counts failed sign-ins per key (an IP, a username) in a sliding window: after `max` failures in `windowMs` the key
 * is refused until its oldest failure leaves the window. Only failures count, so an admin who signs in correctly is
 * never slowed down. In memory: a restart forgets, which is acceptable for a guessing brake. Clock injected (tests).
 */
export function createLoginLimiter(options: { max: number; windowMs: number; now?: () => number; maxKeys?: number }) {
  const failures = new Map<string, number[]>();
  const now = options.now ?? Date.now;
  const maxKeys = options.maxKeys ?? 50_000;
  const live = (key: string, at: number) => (failures.get(key) ?? []).filter((t) => at - t < options.windowMs);
  return {
    /** True when any of the keys has used up its failures. */
    blocked(keys: string[]): boolean {
      const at = now();
      return keys.some((k) => live(k, at).length >= options.max);
    },
    fail(keys: string[]): void {
      const at = now();
      for (const k of keys) {
        const kept = live(k, at);
        failures.delete(k); // re-inserted last: the Map's order is "least recently failing first"
        failures.set(k, [...kept, at]);
      }
      // Bounded memory under a flood of random usernames: forget the least recently failing keys.
      for (const k of failures.keys()) {
        if (failures.size <= maxKeys) break;
        failures.delete(k);
      }
    },
    /** A successful sign-in clears the username's count (not the IP's: one right password must not reset a spray). */
    clear(key: string): void {
      failures.delete(key);
    },
  };
}
