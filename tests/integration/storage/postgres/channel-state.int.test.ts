import { createPostgresGreetedStore, createPostgresPollActionStore, openPostgres, type PgPool } from "../../../../src/storage/postgres/index.js";
import { greetedStoreContract, GREETED_TEST_KEY } from "../../../contracts/greeted-store.contract.js";
import { pollActionStoreContract } from "../../../contracts/poll-action-store.contract.js";
import { postgresSchemas } from "../../../fakes/postgres-schemas.js";

const postgres = postgresSchemas("channel_state_test");
const skip = postgres.skipReason;

/**
 * A fresh schema per suite (search_path in the URL), so the 7-day purge and the row listings only ever see this
 * suite's rows; `reopen` connects a second pool to the same schema, as a restarted process would.
 */
async function postgresSchema() {
  const url = await postgres.create();
  const pools: PgPool[] = [await openPostgres(url)];
  return {
    pool: pools[0]!,
    async reopen() {
      const pool = await openPostgres(url);
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
