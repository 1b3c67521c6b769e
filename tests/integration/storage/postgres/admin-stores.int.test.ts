import { adminStoresContract } from "../../../contracts/admin-stores.contract.js";
import { createPostgresAdminStores } from "../../../../src/storage/postgres/admin-stores.js";
import { openPostgres } from "../../../../src/storage/postgres/database.js";
import { postgresSchemas } from "../../../fakes/postgres-schemas.js";

const postgres = postgresSchemas("admin_stores_test");

adminStoresContract(
  "postgres",
  async () => {
    const pool = await openPostgres(await postgres.create());
    return {
      stores: { ...createPostgresAdminStores(pool), close: async () => undefined },
      rows: async (table) => (await pool.query(`SELECT * FROM ${table}`)).rows,
      close: () => pool.end(),
    };
  },
  postgres.skipReason,
);
