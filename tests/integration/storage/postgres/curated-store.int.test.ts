import { openPostgres } from "../../../../src/storage/postgres/database.js";
import { createPostgresCuratedStore } from "../../../../src/storage/postgres/curated-store.js";
import { createPostgresFeedbackLog } from "../../../../src/storage/postgres/feedback-log.js";
import { createPostgresInboxDecisions } from "../../../../src/storage/postgres/inbox-decisions.js";
import { curatedStoreContract } from "../../../contracts/curated-store.contract.js";
import { postgresSchemas } from "../../../fakes/postgres-schemas.js";

const postgres = postgresSchemas("curated_test");

curatedStoreContract(
  "postgres",
  async () => {
    const pool = await openPostgres(await postgres.create());
    return {
      curated: createPostgresCuratedStore(pool),
      feedback: createPostgresFeedbackLog(pool),
      decisions: createPostgresInboxDecisions(pool),
      close: () => pool.end(),
    };
  },
  postgres.skipReason,
);
