import type { ConversationState, ConversationStore } from "../../assistant/index.js";
import { AppError } from "../../shared/errors.js";
import type { SqliteDatabase } from "./database.js";

/** ConversationStore on the embedded SQLite file: one JSON row per learner, upserted. */
export function createSqliteConversationStore(db: SqliteDatabase, clock: () => Date = () => new Date()): ConversationStore {
  const select = db.prepare<[string], { state: string }>("SELECT state FROM conversation_state WHERE learner_id = ?");
  const upsert = db.prepare<[string, string, string]>(
    `INSERT INTO conversation_state (learner_id, state, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (learner_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
  );
  const remove = db.prepare<[string]>("DELETE FROM conversation_state WHERE learner_id = ?");
  return {
    async get(learnerId) {
      const row = select.get(learnerId);
      if (!row) return undefined;
      try {
        return JSON.parse(row.state) as ConversationState;
      } catch (error) {
        throw new AppError("internal:storage", `conversation_state for one learner is not valid JSON`, { cause: error });
      }
    },
    async set(learnerId, state) {
      // An empty state keeps nothing worth a row (and "Xoá hồ sơ" must leave no row behind).
      if (Object.keys(state).length === 0) return void remove.run(learnerId);
      upsert.run(learnerId, JSON.stringify(state), clock().toISOString());
    },
  };
}
