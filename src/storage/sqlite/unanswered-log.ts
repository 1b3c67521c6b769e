import type { ExpiringLog, UnansweredLog } from "../../assistant/index.js";
import { guardOf, type SqliteDatabase } from "./database.js";
import { redact } from "../../shared/redact.js";

/**
 * UnansweredLog on SQLite: one row per (normalised text, reason), counting repeats. Personal data is redacted
 * here, the last step before the disk, whoever the caller is.
 */
export function createSqliteUnansweredLog(db: SqliteDatabase, clock: () => Date = () => new Date()): UnansweredLog & ExpiringLog {
  const guard = guardOf(db);
  const upsert = db.prepare<[string, string, string, string]>(
    `INSERT INTO unanswered_question (text, reason, count, first_at, last_at) VALUES (?, ?, 1, ?, ?)
     ON CONFLICT (text, reason) DO UPDATE SET count = count + 1, last_at = excluded.last_at`,
  );
  const top = db.prepare<[number], { text: string; reason: string; count: number; lastAt: string }>(
    `SELECT text, reason, count, last_at AS lastAt FROM unanswered_question ORDER BY count DESC, last_at DESC LIMIT ?`,
  );
  const expire = db.prepare<[string]>("DELETE FROM unanswered_question WHERE last_at < ?");
  const keys = db.prepare<[], { text: string; reason: string }>("SELECT text, reason FROM unanswered_question");
  const take = db.prepare<[string, string], { count: number; first_at: string; last_at: string }>(
    "DELETE FROM unanswered_question WHERE text = ? AND reason = ? RETURNING count, first_at, last_at",
  );
  const merge = db.prepare<[string, string, number, string, string]>(
    `INSERT INTO unanswered_question (text, reason, count, first_at, last_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (text, reason) DO UPDATE SET count = count + excluded.count,
       first_at = MIN(first_at, excluded.first_at), last_at = MAX(last_at, excluded.last_at)`,
  );
  // A row whose redacted text already exists is folded into it, counts added.
  const rewrite = db.transaction((text: string, reason: string, redacted: string) => {
    const row = take.get(text, reason);
    if (row) merge.run(redacted, reason, row.count, row.first_at, row.last_at);
  });
  return {
    async record(normalizedText, reason) {
      const now = clock().toISOString();
      await guard.write(() => upsert.run(redact(normalizedText).slice(0, 1000), reason, now, now));
    },
    async top(limit) {
      return guard.read(() => top.all(Math.max(0, Math.floor(limit))));
    },
    async deleteBefore(before) {
      return (await guard.write(() => expire.run(before.toISOString()))).changes;
    },
    async redactStored() {
      let changed = 0;
      for (const [i, { text, reason }] of (await guard.read(() => keys.all())).entries()) {
        const redacted = redact(text).slice(0, 1000);
        if (redacted !== text) {
          await guard.write(() => rewrite(text, reason, redacted));
          changed += 1;
        }
        // better-sqlite3 is synchronous: let chat turns through between slices of a large table.
        if (i % 500 === 499) await new Promise((resolve) => setImmediate(resolve));
      }
      return changed;
    },
  };
}
