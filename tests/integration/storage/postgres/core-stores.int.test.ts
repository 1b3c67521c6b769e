import { createPostgresConversationStore, createPostgresUnansweredLog, openPostgres, type PgPool } from "../../../../src/storage/postgres/index.js";
import { conversationStoreContract } from "../../../contracts/conversation-store.contract.js";

const url = process.env.PG_URL;
if (!url && process.env.CI === "true") throw new Error("PG_URL must be set in CI: the PostgreSQL adapter cannot go untested");

conversationStoreContract(
  "postgres",
  async () => {
    const pools: PgPool[] = [await openPostgres(url!)];
    const make = (pool: PgPool) => ({
      conversations: createPostgresConversationStore(pool),
      unanswered: createPostgresUnansweredLog(pool),
    });
    return {
      ...make(pools[0]!),
      async reopen() {
        const pool = await openPostgres(url!);
        pools.push(pool);
        return make(pool);
      },
      async close() {
        await Promise.all(pools.map((p) => p.end()));
      },
    };
  },
  url ? undefined : "PG_URL is not set (CI sets it; see .ci/run to create a local database)",
);
