import type { AuditRecord } from "../admin/audit.js";

/**
 * An admin_audit row as both drivers return it (migration 005_admin_accounts_audit.sql): PostgreSQL gives the id as
 * a string (BIGSERIAL) and `at` as a Date, SQLite a number and the stored ISO text.
 */
export interface AuditRow {
  id: number | string;
  at: Date | string;
  actor_id: string;
  actor_name: string;
  action: string;
  target: string;
  before_text: string | null;
  after_text: string | null;
  detail: string | null;
}

export const toAuditRecord = (r: AuditRow): AuditRecord => ({
  id: Number(r.id),
  at: r.at instanceof Date ? r.at.toISOString() : r.at,
  actorId: r.actor_id,
  actorName: r.actor_name,
  action: r.action,
  target: r.target,
  ...(r.before_text !== null ? { before: r.before_text } : {}),
  ...(r.after_text !== null ? { after: r.after_text } : {}),
  ...(r.detail !== null ? { detail: r.detail } : {}),
});
