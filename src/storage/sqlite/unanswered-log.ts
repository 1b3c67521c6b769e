import type { UnansweredLog } from "../../assistant/index.js";
import type { SqliteDatabase } from "./database.js";

/** UnansweredLog on SQLite: one row per (normalised text, reason), counting repeats. */
export function createSqliteUnansweredLog(db: SqliteDatabase, clock: () => Date = () => new Date()): UnansweredLog {
  const upsert = db.prepare<[string, string, string, string]>(
    `INSERT INTO unanswered_question (text, reason, count, first_at, last_at) VALUES (?, ?, 1, ?, ?)
     ON CONFLICT (text, reason) DO UPDATE SET count = count + 1, last_at = excluded.last_at`,
  );
  const top = db.prepare<[number], { text: string; reason: string; count: number; lastAt: string }>(
    `SELECT text, reason, count, last_at AS lastAt FROM unanswered_question ORDER BY count DESC, last_at DESC LIMIT ?`,
  );
  return {
    async record(normalizedText, reason) {
      const now = clock().toISOString();
      upsert.run(normalizedText.slice(0, 1000), reason, now, now);
    },
    async top(limit) {
      return top.all(Math.max(0, Math.floor(limit)));
    },
  };
}
