import { withDeadline } from "../../shared/deadline.js";
import { PROBE_TABLE_SQL, probeToken, type ProbeResult } from "../readiness.js";
import type { PgPool } from "./database.js";

/** Longest /ready waits for PostgreSQL (a pool exhausted by a stuck server must not hang the probe). */
const PROBE_TIMEOUT_MS = 2000;

/** GET /ready's database check on PostgreSQL: a write/read round trip on the probe's one-row table. */
export function createPostgresReadinessProbe(pool: PgPool): () => Promise<ProbeResult> {
  let tableReady: Promise<unknown> | undefined;
  const roundTrip = async (): Promise<ProbeResult> => {
    tableReady ??= pool.query(PROBE_TABLE_SQL).catch((error: unknown) => {
      tableReady = undefined; // try again at the next probe
      throw error;
    });
    await tableReady;
    const token = probeToken();
    const { rows } = await pool.query<{ token: string }>(
      `INSERT INTO readiness_probe (id, token, checked_at) VALUES (1, $1, $2)
       ON CONFLICT (id) DO UPDATE SET token = excluded.token, checked_at = excluded.checked_at RETURNING token`,
      [token, new Date().toISOString()],
    );
    return rows[0]?.token === token ? { ok: true } : { ok: false, reason: "database read back a different value" };
  };
  return async () => {
    try {
      return await withDeadline(roundTrip(), PROBE_TIMEOUT_MS, "PostgreSQL readiness probe");
    } catch (error) {
      return { ok: false, reason: (error as Error).message };
    }
  };
}
