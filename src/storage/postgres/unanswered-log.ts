import type { UnansweredLog } from "../../assistant/index.js";
import type { PgPool } from "./database.js";

/** UnansweredLog on PostgreSQL: one row per (normalised text, reason), counting repeats. */
export function createPostgresUnansweredLog(pool: PgPool, clock: () => Date = () => new Date()): UnansweredLog {
  return {
    async record(normalizedText, reason) {
      const now = clock();
      await pool.query(
        `INSERT INTO unanswered_question (text, reason, count, first_at, last_at) VALUES ($1, $2, 1, $3, $3)
         ON CONFLICT (text, reason) DO UPDATE SET count = unanswered_question.count + 1, last_at = EXCLUDED.last_at`,
        [normalizedText.slice(0, 1000), reason, now],
      );
    },
    async top(limit) {
      const { rows } = await pool.query<{ text: string; reason: string; count: number; last_at: Date }>(
        "SELECT text, reason, count, last_at FROM unanswered_question ORDER BY count DESC, last_at DESC LIMIT $1",
        [Math.max(0, Math.floor(limit))],
      );
      return rows.map((r) => ({ text: r.text, reason: r.reason, count: Number(r.count), lastAt: r.last_at.toISOString() }));
    },
  };
}
