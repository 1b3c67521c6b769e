import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createPostgresLessonVersionStore, openPostgres, type PgPool } from "../../../src/storage/postgres/index.js";
import { createSqliteLessonVersionStore, openSqlite, type SqliteDatabase } from "../../../src/storage/sqlite/index.js";
import { lessonVersionStoreContract } from "../../contracts/lesson-version-store.contract.js";
import { postgresSchemas } from "../../fakes/postgres-schemas.js";

// One contract, both drivers: a real SQLite file (reopen = a second handle, as a second process would have) and a
// fresh PostgreSQL schema (reopen = a second pool, as a second instance would have).
lessonVersionStoreContract("sqlite (real file)", async () => {
  const dir = mkdtempSync(join(tmpdir(), "troly-lesson-versions-"));
  const file = join(dir, "tro-ly-so.sqlite");
  const handles: SqliteDatabase[] = [openSqlite(file)];
  return {
    store: createSqliteLessonVersionStore(handles[0]!),
    async reopen() {
      const db = openSqlite(file);
      handles.push(db);
      return createSqliteLessonVersionStore(db);
    },
    async close() {
      for (const db of handles) db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

const postgres = postgresSchemas("lesson_versions_test");
lessonVersionStoreContract(
  "postgres",
  async () => {
    const url = await postgres.create();
    const pools: PgPool[] = [await openPostgres(url)];
    return {
      store: createPostgresLessonVersionStore(pools[0]!),
      async reopen() {
        const pool = await openPostgres(url);
        pools.push(pool);
        return createPostgresLessonVersionStore(pool);
      },
      close: () => Promise.all(pools.map((p) => p.end())).then(() => undefined),
    };
  },
  postgres.skipReason,
);
