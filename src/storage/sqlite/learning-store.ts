import type { LearningStore } from "../../assistant/learning/ports.js";
import { createLearningStore } from "../learning/index.js";
import type { SqliteDatabase } from "./database.js";
import { sqliteRunner } from "./learning-runner.js";

/** Learning store on an opened (migrated) SQLite database. */
export function createSqliteLearningStore(db: SqliteDatabase): LearningStore {
  return createLearningStore(sqliteRunner(db));
}
