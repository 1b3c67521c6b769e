import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll } from "vitest";
import { openPostgres } from "../../../src/storage/postgres/database.js";
import { createPostgresLearningStore } from "../../../src/storage/postgres/learning-store.js";
import { openSqlite } from "../../../src/storage/sqlite/database.js";
import { createSqliteLearningStore } from "../../../src/storage/sqlite/learning-store.js";
import { learningStoreContract } from "../../contracts/learning-store-contract.js";

const dir = mkdtempSync(join(tmpdir(), "learning-store-"));
let n = 0;
learningStoreContract("SQLite file", async () => {
  const db = openSqlite(join(dir, `store-${++n}.sqlite`));
  const store = createSqliteLearningStore(db);
  return { ...store, close: async () => { await store.close(); db.close(); } };
});

const pgUrl = process.env.PG_URL;
if (!pgUrl && process.env.CI === "true") throw new Error("PG_URL must be set in CI for the PostgreSQL contract tests");
const schemas: string[] = [];
// Each store gets a fresh schema (search_path) so runs never see each other's rows or migrations.
learningStoreContract(
  "PostgreSQL",
  async () => {
    const schema = `learning_test_${process.pid}_${++n}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    schemas.push(schema);
    const url = new URL(pgUrl as string);
    url.searchParams.set("options", `-c search_path=${schema}`);
    const pool = await openPostgres(url.toString());
    const store = createPostgresLearningStore(pool);
    return { ...store, close: async () => { await store.close(); await pool.end(); } };
  },
  pgUrl ? undefined : "PG_URL is not set (skipping the PostgreSQL adapter; CI sets it)",
);

afterAll(async () => {
  if (!pgUrl || !schemas.length) return;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  for (const s of schemas) await admin.query(`DROP SCHEMA ${s} CASCADE`);
  await admin.end();
});
