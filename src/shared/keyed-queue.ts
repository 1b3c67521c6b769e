/**
 * Runs tasks one after another per key, tasks of different keys concurrently.
 * - The dialogue router keys it by learner: a turn reads the conversation state, awaits features, then writes it
 *   back, so two messages from one person arriving together (a double tap, a redelivery) would otherwise both start
 *   from the same state and one would overwrite the other.
 * - Channels key it by chat, so two quick questions are answered in the order they were asked.
 */
export function createKeyedQueue() {
  const tails = new Map<string, Promise<unknown>>();
  return {
    run<T>(key: string, task: () => Promise<T>): Promise<T> {
      const previous = tails.get(key) ?? Promise.resolve();
      const result = previous.then(task, task);
      const tail = result.catch(() => undefined);
      tails.set(key, tail);
      // Drop the entry once this is the last task for the key, so the map does not grow with every learner seen.
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return result;
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
