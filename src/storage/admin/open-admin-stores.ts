import type { AdminStores } from "../../admin/accounts.js";
import { openPostgres } from "../postgres/database.js";
import { createPostgresAdminStores } from "../postgres/admin-stores.js";
import { openSqlite } from "../sqlite/database.js";
import { createSqliteAdminStores } from "../sqlite/admin-stores.js";

type StorageConfig = { driver: "sqlite"; file: string } | { driver: "postgres"; url: string };

/**
 * Opens the admin stores (accounts, sessions, API tokens, audit log) on their own connection for the configured
 * driver; migrations are applied by the openers. `close()` closes that connection. Used by compose.ts and
 * scripts/admin-create.ts.
 */
export async function openAdminStores(storage: StorageConfig): Promise<AdminStores> {
  if (storage.driver === "sqlite") {
    const db = openSqlite(storage.file);
    return { ...createSqliteAdminStores(db), close: async () => void db.close() };
  }
  const pool = await openPostgres(storage.url);
  return { ...createPostgresAdminStores(pool), close: () => pool.end() };
}
