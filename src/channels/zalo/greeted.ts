import { BoundedMap } from "../shared/bounded-map.js";

/**
 * Chats that have already been told they are talking to an automated bot and what data it keeps (Zalo's terms
 * require this on first contact). compose.ts backs it with the database (storage/sqlite, storage/postgres; stored as a
 * keyed hash of the chat id) so a citizen is not greeted again after a restart; the in-memory default (tests, scripts)
 * forgets on restart.
 */
export interface GreetedStore {
  has(chatId: string): Promise<boolean>;
  add(chatId: string): Promise<void>;
}

export function createMemoryGreetedStore(maxEntries = 100_000): GreetedStore {
  const seen = new BoundedMap<string, true>(maxEntries);
  return {
    has: async (chatId) => seen.get(chatId) === true,
    add: async (chatId) => seen.set(chatId, true),
  };
}
