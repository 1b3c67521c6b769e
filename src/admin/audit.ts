import type { Principal } from "./roles.js";

/**
 * The audit log port (issue 13): every change an admin account makes — who, what, when, and the versions before and
 * after. Routes record after the change succeeded; a failed change leaves no entry.
 */
export interface AuditEntry {
  /** e.g. "lesson.publish", "lesson.rollback", "curated.create", "account.create", "notice.publish", "login.fail" */
  action: string;
  /** What was changed, e.g. "lesson:vneid-cai-dat-ung-dung", "account:5", "curated:12". */
  target: string;
  /** Version labels or short summaries (never a password, a token or a learner's personal data). */
  before?: string;
  after?: string;
  /** Extra detail shown in the log, plain text. */
  detail?: string;
}

export interface AuditRecord extends AuditEntry {
  id: number;
  at: string;
  actorId: string;
  actorName: string;
}

export interface AuditLog {
  record(actor: Pick<Principal, "id" | "username">, entry: AuditEntry): Promise<void>;
  /** Newest first. */
  list(options: { limit: number; before?: number; target?: string }): Promise<AuditRecord[]>;
}

/** In-memory audit log for tests and the CLI (the app uses the database adapter). */
export function createMemoryAuditLog(clock: () => Date = () => new Date()): AuditLog & { entries: AuditRecord[] } {
  const entries: AuditRecord[] = [];
  return {
    entries,
    async record(actor, entry) {
      entries.unshift({ ...entry, id: entries.length + 1, at: clock().toISOString(), actorId: actor.id, actorName: actor.username });
    },
    async list({ limit, before, target }) {
      return entries.filter((e) => (before === undefined || e.id < before) && (!target || e.target === target)).slice(0, limit);
    },
  };
}
