import type { ExpiringLog } from "../../assistant/index.js";
import type { FeedbackLog } from "../../assistant/feedback/ports.js";
import type { FeedbackReader } from "../../admin/inbox.js";
import { redact } from "../../shared/redact.js";
import { guardOf, type SqliteDatabase } from "./database.js";

/**
 * 👍/👎 on answers on SQLite: one row per (question, answer given, vote), counting repeats; no learner id. Texts are
 * redacted here too, the last step before the disk, whoever the caller is. Kept QUESTION_RETENTION_DAYS like the
 * other question logs.
 */
export function createSqliteFeedbackLog(db: SqliteDatabase, clock: () => Date = () => new Date()): FeedbackLog & FeedbackReader & ExpiringLog {
  const guard = guardOf(db);
  const upsert = db.prepare<[string, string, string, string, string]>(
    `INSERT INTO answer_feedback (text, answer_ref, vote, count, first_at, last_at) VALUES (?, ?, ?, 1, ?, ?)
     ON CONFLICT (text, answer_ref, vote) DO UPDATE SET count = count + 1, last_at = excluded.last_at`,
  );
  const down = db.prepare<[number], { text: string; answerRef: string; count: number; lastAt: string }>(
    `SELECT text, answer_ref AS answerRef, count, last_at AS lastAt FROM answer_feedback WHERE vote = 'down'
     ORDER BY count DESC, last_at DESC LIMIT ?`,
  );
  const expire = db.prepare<[string]>("DELETE FROM answer_feedback WHERE last_at < ?");
  return {
    async record({ text, answerRef, vote }) {
      const now = clock().toISOString();
      await guard.write(() => upsert.run(redact(text).slice(0, 1000), answerRef.slice(0, 300), vote, now, now));
    },
    async notHelpful(limit) {
      return guard.read(() => down.all(Math.max(0, Math.floor(limit))));
    },
    async deleteBefore(before) {
      return (await guard.write(() => expire.run(before.toISOString()))).changes;
    },
  };
}
