import { BoundedMap } from "../shared/bounded-map.js";

/** What a sent quiz poll stands for: where it was sent and how to build the core's answer action. */
export interface PollEntry {
  chatId: string;
  answerActionPrefix: string;
}

/**
 * poll_id → PollEntry. `poll_answer` updates carry only the poll id and the user, so without this the answer could
 * not reach the core. compose.ts backs it with the database (storage/sqlite, storage/postgres) so answers to polls
 * sent before a restart still count. Every implementation forgets polls older than `POLL_MAX_AGE_MS` (7 days).
 * The in-memory default (tests, scripts) also keeps only the latest 10,000 polls.
 */
export interface PollActionStore {
  get(pollId: string): Promise<PollEntry | undefined>;
  set(pollId: string, entry: PollEntry): Promise<void>;
}

export const POLL_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

export function createMemoryPollActionStore(maxEntries = 10_000, clock: () => Date = () => new Date()): PollActionStore {
  const map = new BoundedMap<string, PollEntry & { at: number }>(maxEntries);
  return {
    async get(pollId) {
      const found = map.get(pollId);
      if (!found || found.at < clock().getTime() - POLL_MAX_AGE_MS) return undefined;
      return { chatId: found.chatId, answerActionPrefix: found.answerActionPrefix };
    },
    async set(pollId, entry) {
      map.set(pollId, { chatId: entry.chatId, answerActionPrefix: entry.answerActionPrefix, at: clock().getTime() });
    },
  };
}
