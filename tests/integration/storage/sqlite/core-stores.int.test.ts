import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSqliteConversationStore, createSqliteUnansweredLog, openSqlite } from "../../../../src/storage/sqlite/index.js";
import { conversationStoreContract } from "../../../contracts/conversation-store.contract.js";

conversationStoreContract("sqlite (real file)", async () => {
  const dir = mkdtempSync(join(tmpdir(), "troly-sqlite-"));
  const file = join(dir, "tro-ly-so.sqlite");
  const handles = [openSqlite(file)];
  const make = (db: ReturnType<typeof openSqlite>) => ({
    conversations: createSqliteConversationStore(db),
    unanswered: createSqliteUnansweredLog(db),
  });
  return {
    ...make(handles[0]!),
    async reopen() {
      const db = openSqlite(file);
      handles.push(db);
      return make(db);
    },
    async close() {
      for (const db of handles) db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
