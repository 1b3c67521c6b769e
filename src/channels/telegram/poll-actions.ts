import { BoundedMap } from "../shared/bounded-map.js";

/** What a sent quiz poll stands for: where it was sent and how to build the core's answer action. */
export interface PollEntry {
  chatId: string;
  answerActionPrefix: string;
}

/**
 * poll_id → PollEntry. `poll_answer` updates carry only the poll id and the user, so without this the answer could
 * not reach the core. Implement it over a database to survive restarts; the default keeps the latest 10,000 polls
 * in memory (a learner answering an older poll after a restart gets nothing, and can type the number instead).
 */
export interface PollActionStore {
  get(pollId: string): Promise<PollEntry | undefined>;
  set(pollId: string, entry: PollEntry): Promise<void>;
}

export function createMemoryPollActionStore(maxEntries = 10_000): PollActionStore {
  const map = new BoundedMap<string, PollEntry>(maxEntries);
  return {
    get: async (pollId) => map.get(pollId),
    set: async (pollId, entry) => map.set(pollId, entry),
  };
}
