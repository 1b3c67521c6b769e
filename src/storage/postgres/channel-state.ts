import { greetedKey, POLL_MAX_AGE_MS, type GreetedRecords, type PollActionRecords } from "../channel-state.js";
import type { PgPool } from "./database.js";

/** Telegram quiz poll_id → answer action on PostgreSQL; every write first deletes polls older than 7 days. */
export function createPostgresPollActionStore(pool: PgPool, clock: () => Date = () => new Date()): PollActionRecords {
  const cutoff = (now: Date) => new Date(now.getTime() - POLL_MAX_AGE_MS);
  return {
    async get(pollId) {
      const { rows } = await pool.query<{ chat_id: string; answer_action_prefix: string }>(
        "SELECT chat_id, answer_action_prefix FROM telegram_poll_action WHERE poll_id = $1 AND created_at >= $2",
        [pollId, cutoff(clock())],
      );
      const row = rows[0];
      return row ? { chatId: row.chat_id, answerActionPrefix: row.answer_action_prefix } : undefined;
    },
    async set(pollId, entry) {
      const now = clock();
      // Two statements, not one transaction: the purge is housekeeping and may run again on the next write.
      await pool.query("DELETE FROM telegram_poll_action WHERE created_at < $1", [cutoff(now)]);
      await pool.query(
        `INSERT INTO telegram_poll_action (poll_id, chat_id, answer_action_prefix, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (poll_id) DO UPDATE SET chat_id = EXCLUDED.chat_id,
           answer_action_prefix = EXCLUDED.answer_action_prefix, created_at = EXCLUDED.created_at`,
        [pollId, entry.chatId, entry.answerActionPrefix, now],
      );
    },
  };
}

/** Zalo chats already greeted, on PostgreSQL, keyed by an HMAC of the chat id under `key` (see greetedKey). */
export function createPostgresGreetedStore(pool: PgPool, key: string, clock: () => Date = () => new Date()): GreetedRecords {
  return {
    async has(chatId) {
      const { rows } = await pool.query("SELECT 1 FROM zalo_greeted WHERE chat_hash = $1", [greetedKey(key, chatId)]);
      return rows.length > 0;
    },
    async add(chatId) {
      await pool.query(
        "INSERT INTO zalo_greeted (chat_hash, greeted_at) VALUES ($1, $2) ON CONFLICT (chat_hash) DO NOTHING",
        [greetedKey(key, chatId), clock()],
      );
    },
  };
}
