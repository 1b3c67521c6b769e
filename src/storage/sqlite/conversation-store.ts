import type { ConversationState, ConversationStore } from "../../assistant/index.js";
import { AppError } from "../../shared/errors.js";
import { guardOf, type SqliteDatabase } from "./database.js";
import { groupCommit } from "./group-commit.js";

/**
 * ConversationStore on the embedded SQLite file: one JSON row per learner, upserted. Every statement goes through the
 * connection's write guard (a lock is waited out without blocking the event loop; a deleted file refuses writes).
 */
export function createSqliteConversationStore(db: SqliteDatabase, clock: () => Date = () => new Date()): ConversationStore {
  const guard = guardOf(db);
  const select = db.prepare<[string], { state: string }>("SELECT state FROM conversation_state WHERE learner_id = ?");
  const upsert = db.prepare<[string, string, string]>(
    `INSERT INTO conversation_state (learner_id, state, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (learner_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
  );
  const remove = db.prepare<[string]>("DELETE FROM conversation_state WHERE learner_id = ?");
  // Nearly every turn saves its learner's state: turns finishing together share one commit (group-commit.ts). A
  // learner's own turns run one after another, so their writes never overtake each other.
  const save = groupCommit(db, ({ learnerId, state, at }: { learnerId: string; state?: string; at: string }) =>
    void (state === undefined ? remove.run(learnerId) : upsert.run(learnerId, state, at)),
  );
  return {
    async get(learnerId) {
      const row = await guard.read(() => select.get(learnerId));
      if (!row) return undefined;
      try {
        return JSON.parse(row.state) as ConversationState;
      } catch (error) {
        throw new AppError("internal:storage", `conversation_state for one learner is not valid JSON`, { cause: error });
      }
    },
    async set(learnerId, state, json) {
      // An empty state keeps nothing worth a row (and "Xoá hồ sơ" must leave no row behind).
      const empty = Object.keys(state).length === 0;
      await save({ learnerId, state: empty ? undefined : json ?? JSON.stringify(state), at: clock().toISOString() });
    },
  };
}
