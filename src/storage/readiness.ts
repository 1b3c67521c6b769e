/** Result of a readiness probe: ok, or the reason the store cannot take writes right now. */
export type ProbeResult = { ok: true } | { ok: false; reason: string };

/**
 * The probe's own one-row table. Created by the probe itself (not a numbered migration) because it holds no data
 * anyone depends on and this keeps readiness independent of migration order; a fresh token is written and read
 * back on every probe, so a read-only, locked, full or vanished database is noticed.
 */
export const PROBE_TABLE_SQL = "CREATE TABLE IF NOT EXISTS readiness_probe (id INTEGER PRIMARY KEY, token TEXT NOT NULL, checked_at TEXT NOT NULL)";

export function probeToken(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
