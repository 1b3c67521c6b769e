import type { LearningStore } from "../../assistant/learning/index.js";
import { openPostgres } from "../postgres/database.js";
import { createPostgresLearningStore } from "../postgres/learning-store.js";
import { openSqlite } from "../sqlite/database.js";
import { createSqliteLearningStore } from "../sqlite/learning-store.js";

type StorageConfig = { driver: "sqlite"; file: string } | { driver: "postgres"; url: string };

/**
 * Opens the learning store on its own connection (SQLite WAL file or PostgreSQL pool) for the configured driver;
 * migrations are applied by the openers. `close()` closes that connection.
 */
export async function openLearningStore(storage: StorageConfig): Promise<LearningStore> {
  if (storage.driver === "sqlite") {
    const db = openSqlite(storage.file);
    const store = createSqliteLearningStore(db);
    return { ...store, close: async () => { await store.close(); db.close(); } };
  }
  const pool = await openPostgres(storage.url);
  const store = createPostgresLearningStore(pool);
  return { ...store, close: async () => { await store.close(); await pool.end(); } };
}
