import type { ConversationState, ConversationStore } from "../../assistant/index.js";
import type { PgPool } from "./database.js";

/** ConversationStore on PostgreSQL: one JSONB row per learner, upserted. */
export function createPostgresConversationStore(pool: PgPool, clock: () => Date = () => new Date()): ConversationStore {
  return {
    async get(learnerId) {
      const { rows } = await pool.query<{ state: ConversationState }>(
        "SELECT state FROM conversation_state WHERE learner_id = $1",
        [learnerId],
      );
      return rows[0]?.state;
    },
    async set(learnerId, state, json) {
      // An empty state keeps nothing worth a row (and "Xoá hồ sơ" must leave no row behind).
      if (Object.keys(state).length === 0) {
        await pool.query("DELETE FROM conversation_state WHERE learner_id = $1", [learnerId]);
        return;
      }
      await pool.query(
        `INSERT INTO conversation_state (learner_id, state, updated_at) VALUES ($1, $2::jsonb, $3)
         ON CONFLICT (learner_id) DO UPDATE SET state = EXCLUDED.state, updated_at = EXCLUDED.updated_at`,
        [learnerId, json ?? JSON.stringify(state), clock()],
      );
    },
  };
}
