import type { AdminStores } from "../../admin/accounts.js";
import { createPostgresAccountStore, createPostgresApiTokenStore, createPostgresSessionStore } from "./admin-accounts.js";
import { createPostgresAuditLog } from "./admin-audit.js";
import type { PgPool } from "./database.js";

/** Accounts, sessions, API tokens and the audit log on one pool; `close` is left to the opener. */
export function createPostgresAdminStores(pool: PgPool, clock?: () => Date): Omit<AdminStores, "close"> {
  return {
    accounts: createPostgresAccountStore(pool),
    sessions: createPostgresSessionStore(pool),
    tokens: createPostgresApiTokenStore(pool),
    audit: createPostgresAuditLog(pool, clock),
  };
}
