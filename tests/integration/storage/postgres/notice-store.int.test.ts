import { openPostgres } from "../../../../src/storage/postgres/database.js";
import { createPostgresNoticeStore } from "../../../../src/storage/postgres/notice-store.js";
import { noticeStoreContract } from "../../../contracts/notice-store.contract.js";
import { postgresSchemas } from "../../../fakes/postgres-schemas.js";

const postgres = postgresSchemas("notice_store_test");

noticeStoreContract(
  "postgres",
  async () => {
    const pool = await openPostgres(await postgres.create());
    return { store: createPostgresNoticeStore(pool), close: () => pool.end() };
  },
  postgres.skipReason,
);
