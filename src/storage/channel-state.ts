import { createHmac } from "node:crypto";

/**
 * Shapes of the channels' `PollActionStore` (channels/telegram) and `GreetedStore` (channels/zalo) ports, restated
 * here because storage may not import channels; compose.ts passes the adapters to the channels, so the compiler
 * checks that both shapes still match.
 */
export interface StoredPollEntry {
  chatId: string;
  answerActionPrefix: string;
}
export interface PollActionRecords {
  get(pollId: string): Promise<StoredPollEntry | undefined>;
  set(pollId: string, entry: StoredPollEntry): Promise<void>;
}
export interface GreetedRecords {
  has(chatId: string): Promise<boolean>;
  add(chatId: string): Promise<void>;
}

/** Quiz polls older than this are deleted on write and no longer answered. */
export const POLL_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * The stored key of a greeted Zalo chat: HMAC-SHA-256 (hex) of its id under the learner-id key, so the table never
 * holds a Zalo id in clear and, unlike a plain hash, cannot be reversed by hashing guessed ids.
 */
export function greetedKey(key: string, chatId: string): string {
  return createHmac("sha256", key).update(`zalo-greeted:${chatId}`, "utf8").digest("hex");
}
