import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { OutboxStore } from "../../../src/shared/delivery-ports.js";
import { createPostgresChannelDelivery } from "../../../src/storage/postgres/channel-outbox.js";
import { openPostgres } from "../../../src/storage/postgres/database.js";
import { createSqliteChannelDelivery } from "../../../src/storage/sqlite/channel-outbox.js";
import { openSqlite } from "../../../src/storage/sqlite/database.js";
import { dropSchema, numbered, oldPostgresSchema, oldSqliteDatabase } from "../../fixtures/storage/old-schema.js";

/**
 * Migration 009_outbox_heads.sql on a database that already has a backlog (issue 14): each database starts at the
 * migrations before 009 with pending, retried and dead rows, then is opened by the current code. The backfilled heads
 * must be each chat's lowest pending id, so the queue is sent in the same order as before the upgrade.
 */
const driverMigrations = (driver: string) =>
  readdirSync(join("src/storage", driver, "migrations")).filter((name) => name.endsWith(".sql") && name < "009").sort();
const T0 = "2026-11-29T08:00:00.000Z";
/** chat, payload, state: the backlog the old version left. */
const BACKLOG: Array<[string, string, "pending" | "dead"]> = [
  ["A", "a-dead", "dead"],
  ["A", "a1", "pending"],
  ["A", "a2", "pending"],
  ["B", "b1", "pending"],
  ["A", "a3", "pending"],
];
const INSERT = "INSERT INTO channel_outbox (channel, chat_id, payload, state, next_attempt_at, created_at) VALUES ('telegram', ?, ?, ?, ?, ?)";

async function sendsInTheOldOrder(outbox: OutboxStore): Promise<void> {
  const sent: string[] = [];
  const now = new Date("2026-11-29T09:00:00.000Z");
  for (let heads = await outbox.due("telegram", now, 100); heads.length > 0; heads = await outbox.due("telegram", now, 100)) {
    expect(new Set(heads.map((h) => h.chatId)).size).toBe(heads.length); // one head per chat
    for (const head of heads) {
      sent.push(head.payload);
      await outbox.settle(head.id, { state: "sent" });
    }
  }
  expect(sent.filter((p) => p.startsWith("a"))).toEqual(["a1", "a2", "a3"]);
  expect(sent).toContain("b1");
  expect(await outbox.nextDueAt("telegram")).toBeUndefined();
}

describe("migration 009: outbox heads on an existing backlog", () => {
  it("SQLite: flags each chat's lowest pending id, and the queue drains in the old order", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "heads-")), "old.sqlite");
    const old = oldSqliteDatabase(file, driverMigrations("sqlite"), T0);
    for (const [chat, payload, state] of BACKLOG) old.prepare(INSERT).run(chat, payload, state, T0, T0);
    old.close();
    const db = openSqlite(file);
    try {
      const heads = db.prepare("SELECT payload FROM channel_outbox WHERE is_head = 1 ORDER BY id").all() as Array<{ payload: string }>;
      expect(heads.map((h) => h.payload)).toEqual(["a1", "b1"]);
      await sendsInTheOldOrder(createSqliteChannelDelivery(db).outbox);
    } finally {
      db.close();
    }
  });

  const pgUrl = process.env.PG_URL;
  const schema = `heads_test_${process.pid}`;
  afterAll(async () => {
    if (pgUrl) await dropSchema(pgUrl, schema);
  });

  it.skipIf(!pgUrl)("PostgreSQL: flags each chat's lowest pending id, and the queue drains in the old order", async () => {
    const { client: old, url } = await oldPostgresSchema(pgUrl as string, schema, driverMigrations("postgres"));
    const insert = numbered(INSERT);
    for (const [chat, payload, state] of BACKLOG) await old.query(insert, [chat, payload, state, T0, T0]);
    await old.end();
    const pool = await openPostgres(url);
    try {
      const { rows } = await pool.query<{ payload: string }>("SELECT payload FROM channel_outbox WHERE is_head ORDER BY id");
      expect(rows.map((h) => h.payload)).toEqual(["a1", "b1"]);
      await sendsInTheOldOrder(createPostgresChannelDelivery(pool).outbox);
    } finally {
      await pool.end();
    }
  });
});
