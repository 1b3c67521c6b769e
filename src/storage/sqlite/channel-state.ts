import { greetedKey, POLL_MAX_AGE_MS, type GreetedRecords, type PollActionRecords } from "../channel-state.js";
import { guardOf, type SqliteDatabase } from "./database.js";

/** Telegram quiz poll_id → answer action on SQLite; every write first deletes polls older than 7 days. */
export function createSqlitePollActionStore(db: SqliteDatabase, clock: () => Date = () => new Date()): PollActionRecords {
  const guard = guardOf(db);
  const select = db.prepare<[string, string], { chatId: string; answerActionPrefix: string }>(
    `SELECT chat_id AS chatId, answer_action_prefix AS answerActionPrefix FROM telegram_poll_action
     WHERE poll_id = ? AND created_at >= ?`,
  );
  const purge = db.prepare<[string]>("DELETE FROM telegram_poll_action WHERE created_at < ?");
  const upsert = db.prepare<[string, string, string, string]>(
    `INSERT INTO telegram_poll_action (poll_id, chat_id, answer_action_prefix, created_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (poll_id) DO UPDATE SET chat_id = excluded.chat_id, answer_action_prefix = excluded.answer_action_prefix,
       created_at = excluded.created_at`,
  );
  const write = db.transaction((pollId: string, chatId: string, prefix: string, now: Date) => {
    purge.run(new Date(now.getTime() - POLL_MAX_AGE_MS).toISOString());
    upsert.run(pollId, chatId, prefix, now.toISOString());
  });
  return {
    async get(pollId) {
      const row = await guard.read(() => select.get(pollId, new Date(clock().getTime() - POLL_MAX_AGE_MS).toISOString()));
      return row ? { chatId: row.chatId, answerActionPrefix: row.answerActionPrefix } : undefined;
    },
    async set(pollId, entry) {
      await guard.write(() => write(pollId, entry.chatId, entry.answerActionPrefix, clock()));
    },
  };
}

/** Zalo chats already greeted, on SQLite, keyed by an HMAC of the chat id under `key` (see greetedKey). */
export function createSqliteGreetedStore(db: SqliteDatabase, key: string, clock: () => Date = () => new Date()): GreetedRecords {
  const guard = guardOf(db);
  const select = db.prepare<[string], { one: number }>("SELECT 1 AS one FROM zalo_greeted WHERE chat_hash = ?");
  const insert = db.prepare<[string, string]>(
    "INSERT INTO zalo_greeted (chat_hash, greeted_at) VALUES (?, ?) ON CONFLICT (chat_hash) DO NOTHING",
  );
  return {
    async has(chatId) {
      return (await guard.read(() => select.get(greetedKey(key, chatId)))) !== undefined;
    },
    async add(chatId) {
      await guard.write(() => insert.run(greetedKey(key, chatId), clock().toISOString()));
    },
  };
}
