import type { ExpiringLog } from "../../assistant/index.js";
import type { FeedbackLog } from "../../assistant/feedback/ports.js";
import type { FeedbackReader } from "../../admin/inbox.js";
import { redact } from "../../shared/redact.js";
import type { PgPool } from "./database.js";

/** 👍/👎 on answers on PostgreSQL: see the SQLite adapter (same table, same rules). */
export function createPostgresFeedbackLog(pool: PgPool, clock: () => Date = () => new Date()): FeedbackLog & FeedbackReader & ExpiringLog {
  return {
    async record({ text, answerRef, vote }) {
      await pool.query(
        `INSERT INTO answer_feedback (text, answer_ref, vote, count, first_at, last_at) VALUES ($1, $2, $3, 1, $4, $4)
         ON CONFLICT (text, answer_ref, vote) DO UPDATE SET count = answer_feedback.count + 1, last_at = EXCLUDED.last_at`,
        [redact(text).slice(0, 1000), answerRef.slice(0, 300), vote, clock()],
      );
    },
    async notHelpful(limit) {
      const { rows } = await pool.query<{ text: string; answer_ref: string; count: number; last_at: Date }>(
        "SELECT text, answer_ref, count, last_at FROM answer_feedback WHERE vote = 'down' ORDER BY count DESC, last_at DESC LIMIT $1",
        [Math.max(0, Math.floor(limit))],
      );
      return rows.map((r) => ({ text: r.text, answerRef: r.answer_ref, count: Number(r.count), lastAt: r.last_at.toISOString() }));
    },
    async deleteBefore(before) {
      return (await pool.query("DELETE FROM answer_feedback WHERE last_at < $1", [before])).rowCount ?? 0;
    },
  };
}
