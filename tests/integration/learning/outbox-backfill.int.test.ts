import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { LearningStore } from "../../../src/assistant/learning/index.js";
import type { XapiStatement } from "../../../src/assistant/learning/xapi-types.js";
import { quizResultStatement } from "../../../src/assistant/learning/xapi.js";
import { createLrsForwarder } from "../../../src/lrs/forwarder.js";
import { openPostgres } from "../../../src/storage/postgres/database.js";
import { createPostgresLearningStore } from "../../../src/storage/postgres/learning-store.js";
import { openSqlite } from "../../../src/storage/sqlite/database.js";
import { createSqliteLearningStore } from "../../../src/storage/sqlite/learning-store.js";
import { LESSONS } from "../../fixtures/learning/lessons.js";
import { dropSchema, numbered, oldPostgresSchema, oldSqliteDatabase } from "../../fixtures/storage/old-schema.js";

/**
 * Statements written while no LRS was configured (before every statement got an outbox row) must be forwarded once
 * when LRS_ENDPOINT is configured later. Each database starts at migration 100 with such statements and no outbox
 * rows, then is opened by the current code (migration 101 backfills the outbox).
 */
const OLD_MIGRATIONS = ["001_conversation_state.sql", "002_unanswered_questions.sql", "100_learning.sql"];
const INSERT = `INSERT INTO xapi_statements (id, learner_id, verb, activity_id, lesson_id, registration, timestamp, stored, body)
  VALUES (?, ?, 'passed', ?, ?, ?, ?, ?, ?)`;
const row = (s: XapiStatement) => [s.id, s.actor.account.name, s.object.id, LESSONS[0]!.id, s.context.registration ?? null, s.timestamp, s.stored, JSON.stringify(s)];

const history = [1, 2, 3].map((i) =>
  quizResultStatement({ homePage: "https://troly.so", learnerId: `old-${i}`, platform: "zalo", at: `2026-10-0${i}T00:00:00.000Z` }, LESSONS[0]!, {
    attemptId: `00000000-0000-4000-8000-00000000010${i}`, correct: 3, total: 3, passed: true, startedAt: "2026-10-01T00:00:00.000Z",
  }),
);
const later = quizResultStatement({ homePage: "https://troly.so", learnerId: "new-1", platform: "web", at: "2026-11-01T00:00:00.000Z" }, LESSONS[0]!, {
  attemptId: "00000000-0000-4000-8000-000000000201", correct: 3, total: 3, passed: true, startedAt: "2026-11-01T00:00:00.000Z",
});

function fakeLrs() {
  const received: string[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (d) => (body += String(d)));
    req.on("end", () => {
      const list = ([] as Array<{ id: string }>).concat(JSON.parse(body));
      if (list.some((s) => received.includes(s.id))) return void res.writeHead(409).end();
      received.push(...list.map((s) => s.id));
      res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(list.map((s) => s.id)));
    });
  });
  return { server, received };
}

async function forwardsHistoryOnce(store: LearningStore): Promise<void> {
  const lrs = fakeLrs();
  await new Promise<void>((r) => lrs.server.listen(0, "127.0.0.1", () => r()));
  try {
    expect(await store.outboxCounts()).toEqual({ pending: 3, sent: 0 });
    // Written after the upgrade, still before any LRS is configured: queued too.
    await store.appendStatements([later]);
    const forwarder = createLrsForwarder({
      outbox: store, lrs: { endpoint: `http://127.0.0.1:${(lrs.server.address() as AddressInfo).port}/xapi`, username: "u", password: "p" }, batchSize: 2,
    });
    while ((await forwarder.runOnce()).sent > 0);
    expect(lrs.received).toEqual([...history, later].map((s) => s.id));
    expect(await store.outboxCounts()).toEqual({ pending: 0, sent: 4 });
    expect((await forwarder.runOnce()).sent).toBe(0);
    expect(lrs.received).toHaveLength(4);
  } finally {
    await new Promise<void>((r) => lrs.server.close(() => r()));
  }
}

describe("LRS backfill of statements stored without an LRS", () => {
  it("SQLite: queues the old history once at upgrade and forwards it exactly once", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "backfill-")), "old.sqlite");
    const old = oldSqliteDatabase(file, OLD_MIGRATIONS, "2026-10-01T00:00:00.000Z");
    for (const s of history) old.prepare(INSERT).run(...row(s));
    old.close();
    const db = openSqlite(file);
    await forwardsHistoryOnce(createSqliteLearningStore(db));
    db.close();
    // Re-opening applies nothing twice.
    const again = openSqlite(file);
    expect((again.prepare("SELECT COUNT(*) AS n FROM xapi_outbox").get() as { n: number }).n).toBe(4);
    again.close();
  });

  const pgUrl = process.env.PG_URL;
  const schema = `backfill_test_${process.pid}`;
  afterAll(async () => {
    if (pgUrl) await dropSchema(pgUrl, schema);
  });

  it.skipIf(!pgUrl)("PostgreSQL: queues the old history once at upgrade and forwards it exactly once", async () => {
    const { client: old, url } = await oldPostgresSchema(pgUrl as string, schema, OLD_MIGRATIONS);
    const insert = numbered(INSERT);
    for (const s of history) await old.query(insert, row(s));
    await old.end();
    const pool = await openPostgres(url);
    try {
      await forwardsHistoryOnce(createPostgresLearningStore(pool));
    } finally {
      await pool.end();
    }
  });
});
