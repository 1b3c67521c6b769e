import pg from "pg";
import { afterAll } from "vitest";

/**
 * Real PostgreSQL for integration tests (PG_URL; CI sets it, see .ci/run). Each call to `create()` makes a fresh
 * schema and returns a connection URL whose search_path points at it, so suites never see each other's rows or
 * migrations; every schema made is dropped after the file's tests. Without PG_URL the adapters' suites skip with
 * `skipReason`, except under CI, where a missing database is an error (the PostgreSQL adapter must not go untested).
 */
export function postgresSchemas(prefix: string) {
  const pgUrl = process.env.PG_URL;
  if (!pgUrl && process.env.CI === "true") throw new Error("PG_URL must be set in CI for the PostgreSQL adapter tests");
  const schemas: string[] = [];
  let n = 0;

  async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }

  afterAll(async () => {
    if (!pgUrl || schemas.length === 0) return;
    await admin(async (client) => {
      for (const s of schemas) await client.query(`DROP SCHEMA ${s} CASCADE`);
    });
  });

  return {
    available: Boolean(pgUrl),
    skipReason: pgUrl ? undefined : "PG_URL is not set (skipping the PostgreSQL adapter; CI sets it)",
    /** A connection URL to a new, empty schema. */
    async create(): Promise<string> {
      const schema = `${prefix}_${process.pid}_${++n}`;
      await admin((client) => client.query(`CREATE SCHEMA ${schema}`));
      schemas.push(schema);
      const url = new URL(pgUrl as string);
      url.searchParams.set("options", `-c search_path=${schema}`);
      return url.toString();
    },
  };
}
