import type { AuditLog } from "../../admin/audit.js";
import { toAuditRecord, type AuditRow } from "../audit-row.js";
import type { PgPool } from "./database.js";

/** The AuditLog port on PostgreSQL (table admin_audit): append-only, read newest first. */
export function createPostgresAuditLog(pool: PgPool, clock: () => Date = () => new Date()): AuditLog {
  return {
    async record(actor, e) {
      await pool.query(
        "INSERT INTO admin_audit (at, actor_id, actor_name, action, target, before_text, after_text, detail) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        [clock(), actor.id, actor.username, e.action, e.target, e.before ?? null, e.after ?? null, e.detail ?? null],
      );
    },
    async list({ limit, before, target }) {
      const { rows } = await pool.query<AuditRow>(
        `SELECT * FROM admin_audit WHERE ($1::bigint IS NULL OR id < $1) AND ($2::text IS NULL OR target = $2) ORDER BY id DESC LIMIT $3`,
        [before ?? null, target || null, Math.max(0, Math.floor(limit))],
      );
      return rows.map(toAuditRecord);
    },
  };
}
