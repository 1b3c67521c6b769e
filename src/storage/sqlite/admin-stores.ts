import type { AdminStores } from "../../admin/accounts.js";
import { createSqliteAccountStore, createSqliteApiTokenStore, createSqliteSessionStore } from "./admin-accounts.js";
import { createSqliteAuditLog } from "./admin-audit.js";
import type { SqliteDatabase } from "./database.js";

/** Accounts, sessions, API tokens and the audit log on one SQLite connection; `close` is left to the opener. */
export function createSqliteAdminStores(db: SqliteDatabase, clock?: () => Date): Omit<AdminStores, "close"> {
  return {
    accounts: createSqliteAccountStore(db),
    sessions: createSqliteSessionStore(db),
    tokens: createSqliteApiTokenStore(db),
    audit: createSqliteAuditLog(db, clock),
  };
}
