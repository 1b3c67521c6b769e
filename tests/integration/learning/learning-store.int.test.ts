import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openPostgres } from "../../../src/storage/postgres/database.js";
import { createPostgresLearningStore } from "../../../src/storage/postgres/learning-store.js";
import { openSqlite } from "../../../src/storage/sqlite/database.js";
import { createSqliteLearningStore } from "../../../src/storage/sqlite/learning-store.js";
import { postgresSchemas } from "../../fakes/postgres-schemas.js";
import { learningStoreContract } from "../../contracts/learning-store-contract.js";

const dir = mkdtempSync(join(tmpdir(), "learning-store-"));
let n = 0;
learningStoreContract("SQLite file", async () => {
  const db = openSqlite(join(dir, `store-${++n}.sqlite`));
  const store = createSqliteLearningStore(db);
  return { ...store, close: async () => { await store.close(); db.close(); } };
});

const postgres = postgresSchemas("learning_test");
// Each store gets a fresh schema (search_path) so runs never see each other's rows or migrations.
learningStoreContract(
  "PostgreSQL",
  async () => {
    const pool = await openPostgres(await postgres.create());
    const store = createPostgresLearningStore(pool);
    return { ...store, close: async () => { await store.close(); await pool.end(); } };
  },
  postgres.skipReason,
);
