import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import { createSqliteChannelDelivery, openSqlite, type SqliteDatabase } from "../../../../src/storage/sqlite/index.js";
import { channelDeliveryContract, DELIVERY_TEST_RETENTION } from "../../../contracts/channel-delivery.contract.js";

/** A real SQLite file; `reopen` opens a second handle on it, as a restarted process would. */
const dir = mkdtempSync(join(tmpdir(), "troly-outbox-"));
const handles: SqliteDatabase[] = [];
afterAll(() => {
  for (const db of handles) if (db.open) db.close();
  rmSync(dir, { recursive: true, force: true });
});

channelDeliveryContract("sqlite", async () => {
  const file = join(dir, "tro-ly-so.sqlite");
  const open = () => {
    const db = openSqlite(file);
    handles.push(db);
    return createSqliteChannelDelivery(db, DELIVERY_TEST_RETENTION);
  };
  return { ...open(), reopen: async () => open(), close: async () => undefined };
});
