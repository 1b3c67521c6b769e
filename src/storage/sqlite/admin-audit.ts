import type { AuditLog, AuditRecord } from "../../admin/audit.js";
import { guardOf, type SqliteDatabase } from "./database.js";

interface AuditRow {
  id: number;
  at: string;
  actor_id: string;
  actor_name: string;
  action: string;
  target: string;
  before_text: string | null;
  after_text: string | null;
  detail: string | null;
}

const toAuditRecord = (r: AuditRow): AuditRecord => ({
  id: Number(r.id),
  at: r.at,
  actorId: r.actor_id,
  actorName: r.actor_name,
  action: r.action,
  target: r.target,
  ...(r.before_text !== null ? { before: r.before_text } : {}),
  ...(r.after_text !== null ? { after: r.after_text } : {}),
  ...(r.detail !== null ? { detail: r.detail } : {}),
});

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
