import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSqliteGreetedStore, createSqlitePollActionStore, openSqlite, type SqliteDatabase } from "../../../../src/storage/sqlite/index.js";
import { greetedStoreContract, GREETED_TEST_KEY } from "../../../contracts/greeted-store.contract.js";
import { pollActionStoreContract } from "../../../contracts/poll-action-store.contract.js";

/** A fresh SQLite file per suite; `reopen` opens a second handle on the same file, as a restarted process would. */
function sqliteFile() {
  const dir = mkdtempSync(join(tmpdir(), "troly-channel-state-"));
  const file = join(dir, "tro-ly-so.sqlite");
  const handles: SqliteDatabase[] = [openSqlite(file)];
  return {
    db: handles[0]!,
    reopen() {
      const db = openSqlite(file);
      handles.push(db);
      return db;
    },
    close() {
      for (const db of handles) db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

pollActionStoreContract("sqlite (real file)", {
  persistent: true,
  async open(clock) {
    const f = sqliteFile();
    return {
      store: createSqlitePollActionStore(f.db, clock),
      reopen: async () => createSqlitePollActionStore(f.reopen(), clock),
      storedPollIds: async () =>
        f.db.prepare<[], { id: string }>("SELECT poll_id AS id FROM telegram_poll_action").all().map((r) => r.id),
      close: async () => f.close(),
    };
  },
});

greetedStoreContract("sqlite (real file)", {
  persistent: true,
  async open() {
    const f = sqliteFile();
    return {
      store: createSqliteGreetedStore(f.db, GREETED_TEST_KEY),
      reopen: async () => createSqliteGreetedStore(f.reopen(), GREETED_TEST_KEY),
      storedKeys: async () => f.db.prepare<[], { k: string }>("SELECT chat_hash AS k FROM zalo_greeted").all().map((r) => r.k),
      close: async () => f.close(),
    };
  },
});
