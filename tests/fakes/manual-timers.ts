/**
 * A clock and timer seam driven by the test: `schedule` only records, `fireNext()` moves the clock to the earliest
 * timer and runs it. Code under test that takes `now` and `schedule` then behaves the same on any machine speed, and
 * "15 minutes of 5xx" takes no real time.
 */
export function manualTimers(start = new Date("2026-11-29T08:00:00.000Z")) {
  let now = start.getTime();
  let seq = 0;
  const timers = new Map<number, { at: number; run: () => void }>();
  return {
    now: () => new Date(now),
    schedule(run: () => void, ms: number): () => void {
      const id = ++seq;
      timers.set(id, { at: now + Math.max(0, ms), run });
      return () => void timers.delete(id);
    },
    /** Moves the clock forward without running anything. */
    advance(ms: number) {
      now += ms;
    },
    /** Runs the earliest timer (moving the clock to it); false when none is armed. */
    fireNext(): boolean {
      const next = [...timers.entries()].sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
      if (!next) return false;
      timers.delete(next[0]);
      now = Math.max(now, next[1].at);
      next[1].run();
      return true;
    },
    /** Milliseconds from now to each armed timer, soonest first. */
    pending: () => [...timers.values()].map((t) => t.at - now).sort((a, b) => a - b),
    elapsedMs: () => now - start.getTime(),
  };
}

export type ManualTimers = ReturnType<typeof manualTimers>;
