import { describe, expect, it } from "vitest";
import { openPostgres } from "../../../../src/storage/postgres/index.js";
import { createPostgresReadinessProbe } from "../../../../src/storage/postgres/readiness.js";
import { postgresSchemas } from "../../../fakes/postgres-schemas.js";

const postgres = postgresSchemas("readiness_test");

describe.skipIf(!postgres.available)("PostgreSQL readiness probe (GET /ready's database check)", () => {
  it("is ok while the database takes writes, and not ok (without throwing) once the pool is gone", async () => {
    const pool = await openPostgres(await postgres.create());
    const probe = createPostgresReadinessProbe(pool);
    expect(await probe()).toEqual({ ok: true });
    expect(await probe()).toEqual({ ok: true }); // repeatable: one row, overwritten
    await pool.end();
    expect((await probe()).ok).toBe(false);
  });
});
