import type pg from "pg";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export type PgPool = pg.Pool;

const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), "migrations");

/**
 * Connects to PostgreSQL and applies pending migrations from ./migrations (NNN_name.sql, file-name order), each in
 * its own transaction, under an advisory lock so that two starting instances never migrate at once.
 */
export async function openPostgres(url: string): Promise<PgPool> {
  // Loaded on first use: a SQLite deployment never pays for the driver (memory and start-up).
  const { default: driver } = await import("pg");
  const pool = new driver.Pool({ connectionString: url, max: 10 });
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock(774411)");
    await client.query(
      "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)",
    );
    const { rows } = await client.query<{ name: string }>("SELECT name FROM schema_migrations");
    const applied = new Set(rows.map((r) => r.name));
    const files = readdirSync(migrationsDir).filter((f) => f.endsWith(".sql")).sort();
    for (const name of files) {
      if (applied.has(name)) continue;
      await client.query("BEGIN");
      try {
        await client.query(readFileSync(join(migrationsDir, name), "utf8"));
        await client.query("INSERT INTO schema_migrations (name, applied_at) VALUES ($1, now())", [name]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`PostgreSQL migration ${name} failed`, { cause: error });
      }
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock(774411)").catch(() => undefined);
    client.release();
  }
  return pool;
}
