import { BoundedMap } from "../shared/bounded-map.js";

/**
 * Chats that have already been told they are talking to an automated bot and what data it keeps (Zalo's terms
 * require this on first contact). Back it with a database to survive restarts; the in-memory default means a
 * citizen may be greeted once more after a restart, which is harmless.
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
