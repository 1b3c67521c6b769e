import type { AuditLog } from "../../admin/audit.js";
import { toAuditRecord, type AuditRow } from "../audit-row.js";
import { guardOf, type SqliteDatabase } from "./database.js";

/** The AuditLog port on SQLite (table admin_audit): append-only, read newest first. */
export function createSqliteAuditLog(db: SqliteDatabase, clock: () => Date = () => new Date()): AuditLog {
  const guard = guardOf(db);
  const insert = db.prepare(
    "INSERT INTO admin_audit (at, actor_id, actor_name, action, target, before_text, after_text, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
  );
  // One statement for both filters: NULL parameters switch a filter off.
  const list = db.prepare<[number | null, number | null, string | null, string | null, number], AuditRow>(
    `SELECT * FROM admin_audit WHERE (? IS NULL OR id < ?) AND (? IS NULL OR target = ?) ORDER BY id DESC LIMIT ?`,
  );
  return {
    async record(actor, e) {
      await guard.write(() =>
        insert.run(clock().toISOString(), actor.id, actor.username, e.action, e.target, e.before ?? null, e.after ?? null, e.detail ?? null),
      );
    },
    async list({ limit, before, target }) {
      const b = before ?? null;
      const t = target || null;
      return (await guard.read(() => list.all(b, b, t, t, Math.max(0, Math.floor(limit))))).map(toAuditRecord);
    },
  };
}
