import type { LessonVersionStore } from "../publishing/ports.js";
import { openPostgres } from "./postgres/database.js";
import { createPostgresLessonVersionStore } from "./postgres/lesson-versions.js";
import { openSqlite } from "./sqlite/database.js";
import { createSqliteLessonVersionStore } from "./sqlite/lesson-versions.js";

type StorageConfig = { driver: "sqlite"; file: string } | { driver: "postgres"; url: string };

/**
 * Opens the lesson version store on its own connection for the configured driver (scripts: kb:export, kb:import);
 * migrations are applied by the openers. `close()` closes that connection.
 */
export async function openLessonVersionStore(storage: StorageConfig): Promise<LessonVersionStore & { close(): Promise<void> }> {
  if (storage.driver === "sqlite") {
    const db = openSqlite(storage.file);
    return { ...createSqliteLessonVersionStore(db), close: async () => void db.close() };
  }
  const pool = await openPostgres(storage.url);
  return { ...createPostgresLessonVersionStore(pool), close: () => pool.end() };
}
