import type { ExpiringLog, UnansweredLog } from "../../assistant/index.js";
import type { PgPool } from "./database.js";
import { redact } from "../../shared/redact.js";

/**
 * UnansweredLog on PostgreSQL: one row per (normalised text, reason), counting repeats. Personal data is redacted
 * here, the last step before the disk, whoever the caller is.
 */
export function createPostgresUnansweredLog(pool: PgPool, clock: () => Date = () => new Date()): UnansweredLog & ExpiringLog {
  return {
    async record(normalizedText, reason) {
      const now = clock();
      await pool.query(
        `INSERT INTO unanswered_question (text, reason, count, first_at, last_at) VALUES ($1, $2, 1, $3, $3)
         ON CONFLICT (text, reason) DO UPDATE SET count = unanswered_question.count + 1, last_at = EXCLUDED.last_at`,
        [redact(normalizedText).slice(0, 1000), reason, now],
      );
    },
    async top(limit) {
      const { rows } = await pool.query<{ text: string; reason: string; count: number; last_at: Date }>(
        "SELECT text, reason, count, last_at FROM unanswered_question ORDER BY count DESC, last_at DESC LIMIT $1",
        [Math.max(0, Math.floor(limit))],
      );
      return rows.map((r) => ({ text: r.text, reason: r.reason, count: Number(r.count), lastAt: r.last_at.toISOString() }));
    },
    async deleteBefore(before) {
      return (await pool.query("DELETE FROM unanswered_question WHERE last_at < $1", [before])).rowCount ?? 0;
    },
    async redactStored() {
      const { rows } = await pool.query<{ text: string; reason: string }>("SELECT text, reason FROM unanswered_question");
      let changed = 0;
      for (const { text, reason } of rows) {
        const redacted = redact(text).slice(0, 1000);
        if (redacted === text) continue;
        // A row whose redacted text already exists is folded into it, counts added.
        const client = await pool.connect();
        try {
          await client.query("BEGIN");
          const { rows: taken } = await client.query<{ count: number; first_at: Date; last_at: Date }>(
            "DELETE FROM unanswered_question WHERE text = $1 AND reason = $2 RETURNING count, first_at, last_at",
            [text, reason],
          );
          const row = taken[0];
          if (row) {
            await client.query(
              `INSERT INTO unanswered_question (text, reason, count, first_at, last_at) VALUES ($1, $2, $3, $4, $5)
               ON CONFLICT (text, reason) DO UPDATE SET count = unanswered_question.count + EXCLUDED.count,
                 first_at = LEAST(unanswered_question.first_at, EXCLUDED.first_at),
                 last_at = GREATEST(unanswered_question.last_at, EXCLUDED.last_at)`,
              [redacted, reason, row.count, row.first_at, row.last_at],
            );
          }
          await client.query("COMMIT");
          changed += 1;
        } catch (error) {
          await client.query("ROLLBACK").catch(() => undefined);
          throw error;
        } finally {
          client.release();
        }
      }
      return changed;
    },
  };
}
