import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openSqlite } from "../../../../src/storage/sqlite/database.js";
import { createSqliteNoticeStore } from "../../../../src/storage/sqlite/notice-store.js";
import { noticeStoreContract } from "../../../contracts/notice-store.contract.js";

noticeStoreContract("sqlite (real file)", async () => {
  const dir = mkdtempSync(join(tmpdir(), "troly-notices-"));
  const db = openSqlite(join(dir, "notices.sqlite"));
  return {
    store: createSqliteNoticeStore(db),
    async close() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
