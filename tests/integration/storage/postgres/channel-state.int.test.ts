import pg from "pg";
import { afterAll } from "vitest";
import { createPostgresGreetedStore, createPostgresPollActionStore, openPostgres, type PgPool } from "../../../../src/storage/postgres/index.js";
import { greetedStoreContract, GREETED_TEST_KEY } from "../../../contracts/greeted-store.contract.js";
import { pollActionStoreContract } from "../../../contracts/poll-action-store.contract.js";

const pgUrl = process.env.PG_URL;
if (!pgUrl && process.env.CI === "true") throw new Error("PG_URL must be set in CI: the PostgreSQL adapter cannot go untested");
const skip = pgUrl ? undefined : "PG_URL is not set (CI sets it; see .ci/run to create a local database)";

const schemas: string[] = [];
let n = 0;

/**
 * A fresh schema per suite (search_path in the URL), so the 7-day purge and the row listings only ever see this
 * suite's rows; `reopen` connects a second pool to the same schema, as a restarted process would.
 */
async function postgresSchema() {
  const schema = `channel_state_test_${process.pid}_${++n}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  schemas.push(schema);
  const url = new URL(pgUrl as string);
  url.searchParams.set("options", `-c search_path=${schema}`);
  const pools: PgPool[] = [await openPostgres(url.toString())];
  return {
    pool: pools[0]!,
    async reopen() {
      const pool = await openPostgres(url.toString());
      pools.push(pool);
      return pool;
    },
    close: () => Promise.all(pools.map((p) => p.end())).then(() => undefined),
  };
}

pollActionStoreContract(
  "postgres",
  {
    persistent: true,
    async open(clock) {
      const s = await postgresSchema();
      return {
        store: createPostgresPollActionStore(s.pool, clock),
        reopen: async () => createPostgresPollActionStore(await s.reopen(), clock),
        storedPollIds: async () =>
          (await s.pool.query<{ poll_id: string }>("SELECT poll_id FROM telegram_poll_action")).rows.map((r) => r.poll_id),
        close: s.close,
      };
    },
  },
  skip,
);

greetedStoreContract(
  "postgres",
  {
    persistent: true,
    async open() {
      const s = await postgresSchema();
      return {
        store: createPostgresGreetedStore(s.pool, GREETED_TEST_KEY),
        reopen: async () => createPostgresGreetedStore(await s.reopen(), GREETED_TEST_KEY),
        storedKeys: async () => (await s.pool.query<{ chat_hash: string }>("SELECT chat_hash FROM zalo_greeted")).rows.map((r) => r.chat_hash),
        close: s.close,
      };
    },
  },
  skip,
);

afterAll(async () => {
  if (!pgUrl || !schemas.length) return;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  for (const s of schemas) await admin.query(`DROP SCHEMA ${s} CASCADE`);
  await admin.end();
});
