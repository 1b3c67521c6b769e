import { PROBE_TABLE_SQL, probeToken, type ProbeResult } from "../readiness.js";
import { guardOf, type SqliteDatabase } from "./database.js";

/**
 * Longest the probe waits out a lock. The app's own second connection holds the lock for a moment now and then
 * (a learning transaction), which must not flip /ready; a lock held longer (another process) makes it "not ready".
 */
const PROBE_DEADLINE_MS = 300;

/**
 * GET /ready's database check on SQLite: the file is still the one opened (a deleted or replaced file keeps working
 * through the open handle while every write is lost at restart; the write guard then refuses writes for good), and
 * a write/read round trip succeeds through the connection's write guard within PROBE_DEADLINE_MS, waiting without
 * blocking the event loop.
 */
export function createSqliteReadinessProbe(db: SqliteDatabase): () => Promise<ProbeResult> {
  const guard = guardOf(db);
  return async () => {
    try {
      const problem = guard.problem();
      if (problem) return { ok: false, reason: problem };
      const token = probeToken();
      const stored = await guard.write(() => {
        db.exec(PROBE_TABLE_SQL);
        db.prepare(
          `INSERT INTO readiness_probe (id, token, checked_at) VALUES (1, ?, ?)
           ON CONFLICT (id) DO UPDATE SET token = excluded.token, checked_at = excluded.checked_at`,
        ).run(token, new Date().toISOString());
        return db.prepare("SELECT token FROM readiness_probe WHERE id = 1").get() as { token?: string } | undefined;
      }, { deadlineMs: PROBE_DEADLINE_MS });
      return stored?.token === token ? { ok: true } : { ok: false, reason: "database read back a different value" };
    } catch (error) {
      return { ok: false, reason: (error as Error).message };
    }
  };
}
