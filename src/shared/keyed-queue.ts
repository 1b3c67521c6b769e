/**
 * Runs tasks one after another per key, tasks of different keys concurrently.
 * - The dialogue router keys it by learner: a turn reads the conversation state, awaits features, then writes it
 *   back, so two messages from one person arriving together (a double tap, a redelivery) would otherwise both start
 *   from the same state and one would overwrite the other.
 * - Channels key it by chat, so two quick questions are answered in the order they were asked.
 *
 * `tryRun` bounds a key's queue: a learner who already has `maxPending` turns running or waiting gets `undefined` at
 * once (the caller answers "too fast") instead of queueing for minutes behind their own flood.
 */
export function createKeyedQueue(options: { maxPending?: number } = {}) {
  const tails = new Map<string, Promise<unknown>>();
  /** Tasks running or waiting per key (only keys with at least one). */
  const pending = new Map<string, number>();
  const maxPending = options.maxPending ?? Number.POSITIVE_INFINITY;

  function run<T>(key: string, task: () => Promise<T>): Promise<T> {
    pending.set(key, (pending.get(key) ?? 0) + 1);
    const previous = tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    tails.set(key, tail);
    void tail.then(() => {
      const left = (pending.get(key) ?? 1) - 1;
      if (left > 0) pending.set(key, left);
      else pending.delete(key);
      // Drop the entry once this is the last task for the key, so the map does not grow with every learner seen.
      if (tails.get(key) === tail) tails.delete(key);
    });
    return result;
  }

  return {
    run,
    /** Like `run`, but returns undefined (and runs nothing) when the key already has `maxPending` tasks. */
    tryRun<T>(key: string, task: () => Promise<T>): Promise<T> | undefined {
      if ((pending.get(key) ?? 0) >= maxPending) return undefined;
      return run(key, task);
    },
    /** Tasks running or waiting for `key`. */
    pendingFor(key: string): number {
      return pending.get(key) ?? 0;
    },
    /** Resolves when no task is running or waiting. */
    async idle(): Promise<void> {
      while (tails.size > 0) await Promise.all([...tails.values()]);
    },
    /** Keys with tasks in flight (for tests and metrics). */
    get size(): number {
      return tails.size;
    },
  };
}
