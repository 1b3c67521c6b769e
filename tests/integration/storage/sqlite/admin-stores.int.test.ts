import { adminStoresContract } from "../../../contracts/admin-stores.contract.js";
import { createSqliteAdminStores } from "../../../../src/storage/sqlite/admin-stores.js";
import { openSqlite } from "../../../../src/storage/sqlite/database.js";

adminStoresContract("sqlite", async () => {
  const db = openSqlite(":memory:");
  return {
    stores: { ...createSqliteAdminStores(db), close: async () => undefined },
    rows: async (table) => db.prepare(`SELECT * FROM ${table}`).all(),
    close: async () => void db.close(),
  };
});
