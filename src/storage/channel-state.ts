import { createHash } from "node:crypto";

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

/** The stored key of a greeted Zalo chat: SHA-256 (hex) of its id, so the table never holds a Zalo id in clear. */
export function greetedKey(chatId: string): string {
  return createHash("sha256").update(chatId, "utf8").digest("hex");
}
