import { existsSync } from "node:fs";
import { PROBE_TABLE_SQL, probeToken, type ProbeResult } from "../readiness.js";
import type { SqliteDatabase } from "./database.js";

/**
 * Longest the probe waits for a lock held by another process. better-sqlite3 waits synchronously (the event loop is
 * blocked meanwhile), so /ready uses a much shorter busy timeout than the stores and reports "not ready" instead.
 */
const PROBE_BUSY_TIMEOUT_MS = 50;

/**
 * GET /ready's database check on SQLite: the file still exists (a deleted file keeps working through the open
 * handle while every write is lost at restart), and a write/read round trip succeeds without waiting on a lock.
 */
export function createSqliteReadinessProbe(db: SqliteDatabase, file: string): () => Promise<ProbeResult> {
  return async () => {
    if (file !== ":memory:" && !existsSync(file)) return { ok: false, reason: `database file ${file} is missing` };
    let previous: number | undefined;
    try {
      previous = Number(db.pragma("busy_timeout", { simple: true }));
      db.pragma(`busy_timeout = ${PROBE_BUSY_TIMEOUT_MS}`);
      db.exec(PROBE_TABLE_SQL);
      const token = probeToken();
      db.prepare(
        `INSERT INTO readiness_probe (id, token, checked_at) VALUES (1, ?, ?)
         ON CONFLICT (id) DO UPDATE SET token = excluded.token, checked_at = excluded.checked_at`,
      ).run(token, new Date().toISOString());
      const row = db.prepare("SELECT token FROM readiness_probe WHERE id = 1").get() as { token?: string } | undefined;
      return row?.token === token ? { ok: true } : { ok: false, reason: "database read back a different value" };
    } catch (error) {
      return { ok: false, reason: (error as Error).message };
    } finally {
      // Synchronous code: no other statement ran on this connection with the short timeout.
      if (db.open && previous !== undefined) db.pragma(`busy_timeout = ${previous}`);
    }
  };
}
