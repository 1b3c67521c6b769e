import type { LearningStore } from "../../assistant/learning/ports.js";
import { createLearningStore } from "../learning/index.js";
import type { PgPool } from "./database.js";
import { postgresRunner } from "./learning-runner.js";

/** Learning store on an opened (migrated) PostgreSQL pool; the pool stays owned by the caller. */
export function createPostgresLearningStore(pool: PgPool): LearningStore {
  return createLearningStore(postgresRunner(pool));
}
