import Database from "better-sqlite3";
import Fastify from "fastify";
import { mkdtempSync, rmSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createAssistant, STORAGE_BUSY_TEXT } from "../../../../src/assistant/assistant.js";
import { createLearning } from "../../../../src/assistant/learning/index.js";
import type { IncomingMessage, Reply } from "../../../../src/assistant/types.js";
import { chatRoute } from "../../../../src/http/chat-route.js";
import { healthRoute } from "../../../../src/http/health-route.js";
import { readyRoute } from "../../../../src/http/ready-route.js";
import { createSqliteLearningStore } from "../../../../src/storage/sqlite/learning-store.js";
import { createSqliteReadinessProbe } from "../../../../src/storage/sqlite/readiness.js";
import { createSqliteConversationStore, openSqlite, type BusyRetryOptions } from "../../../../src/storage/sqlite/index.js";
import { LESSONS, PATHS } from "../../../fixtures/learning/lessons.js";

const root = mkdtempSync(join(tmpdir(), "tls-write-guard-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/**
 * Issue 11.5 through the real router, learning features and SQLite stores on a real file (two connections, as the
 * composed app opens them), served by the real /health, /ready and /api/chat routes. The guard's clock is injected:
 * nothing here depends on how many milliseconds anything takes, only on what answers first.
 */
function app(file: string, busy: BusyRetryOptions) {
  const core = openSqlite(file, { busy });
  const learningDb = openSqlite(file, { busy });
  const learning = createLearning({
    store: createSqliteLearningStore(learningDb), lessons: LESSONS, corePaths: PATHS, homePage: "https://troly.so",
    quiz: { passPercent: 80, maxAttempts: 0 }, learnerIdSecret: "secret-secret-secret-secret-secret",
  });
  const assistant = createAssistant({
    features: learning.features,
    conversations: createSqliteConversationStore(core),
    learnerIdFor: learning.learnerIdFor,
    templates: { help: "HELP", error: "ERROR" },
  });
  const probe = createSqliteReadinessProbe(learningDb);
  const http = Fastify();
  http.register(healthRoute(() => ({})));
  http.register(readyRoute(async () => {
    const db = await probe();
    return { ready: db.ok, checks: { database: db.ok ? "ok" : db.reason } };
  }));
  http.register(chatRoute(assistant));
  const say = async (userId: string, m: Partial<IncomingMessage>) =>
    (await http.inject({ method: "POST", url: "/api/chat", payload: { userId, ...m } })).json() as Reply & { quiz?: { actions: string[] } };
  const evidence = () => {
    const db = new Database(file, { readonly: true });
    try {
      return (db.prepare("SELECT COUNT(*) AS n FROM xapi_statements").get() as { n: number }).n;
    } finally {
      db.close();
    }
  };
  const close = async () => {
    await http.close();
    core.close();
    learningDb.close();
  };
  return { http, say, evidence, close };
}

/** Option i of a quiz reply as the web page sends it (the key stays on the server, so "some answer", not "right"). */
const answer = (r: { quiz?: { actions: string[] } }, i = 0) => ({ action: r.quiz!.actions[i]! });

/** A second process's lock: another connection holding BEGIN EXCLUSIVE on the same file. */
function lockFile(file: string) {
  const other = new Database(file);
  other.exec("BEGIN EXCLUSIVE");
  return { release: () => { other.exec("COMMIT"); other.close(); } };
}

describe("SQLite writes while another process holds the lock (issue 11.5)", () => {
  it("keeps answering /health, /ready and other learners, and records the waiting answer once the lock is released", async () => {
    const file = join(root, "locked.sqlite");
    let retries = 0;
    let firstRetry!: () => void;
    const retrying = new Promise<void>((resolve) => (firstRetry = resolve));
    // No deadline for the stores: the write waits for as long as the lock is held. The clock moves only with the
    // guard's pauses, so /ready's own short deadline is reached after a few attempts, whatever the machine's speed.
    let clock = 0;
    const t = app(file, {
      deadlineMs: Number.POSITIVE_INFINITY,
      now: () => clock,
      sleep: async (ms) => { clock += ms; retries += 1; firstRetry(); await new Promise((r) => setTimeout(r, 1)); },
    });
    await t.say("a", { action: "ob:yes" });
    const q1 = await t.say("a", { action: "qz:s:l-two" });
    expect(q1.quiz).toBeDefined();
    await t.say("b", { action: "ob:yes" });
    await t.say("b", { text: "xin chào" });
    const before = t.evidence();

    const lock = lockFile(file);
    const events: string[] = [];
    const waiting = t.say("a", answer(q1)).then((r) => { events.push("a answered"); return r; });
    try {
      await retrying;
      const health = await t.http.inject({ method: "GET", url: "/health" });
      events.push(`health ${health.statusCode}`);
      const ready = await t.http.inject({ method: "GET", url: "/ready" });
      events.push(`ready ${ready.statusCode}`);
      expect((ready.json() as { checks: { database: string } }).checks.database).toMatch(/locked|busy/i);
      // Another learner's turn that only reads (the same greeting again changes no state) is answered meanwhile.
      const other = await t.say("b", { text: "xin chào" });
      events.push(`b ${other.text}`);
    } finally {
      lock.release();
    }
    expect(events).toEqual(["health 200", "ready 503", "b HELP"]);
    const a = await waiting;
    expect(events.at(-1)).toBe("a answered");
    expect(retries).toBeGreaterThan(0);
    expect(a.kind).not.toBe("error");
    expect(a.quiz).toBeDefined(); // the next question: the answer was recorded
    expect(t.evidence()).toBe(before + 1);
    expect((await t.http.inject({ method: "GET", url: "/ready" })).statusCode).toBe(200);
    await t.close();
  });

  it("answers politely after the deadline and records nothing; the same answer sent again later is recorded once", async () => {
    const file = join(root, "deadline.sqlite");
    let now = 0;
    // Each pause moves the injected clock by half a second: the 2 s deadline passes after a few attempts.
    const t = app(file, { now: () => now, sleep: async () => { now += 500; } });
    await t.say("a", { action: "ob:yes" });
    const q1 = await t.say("a", { action: "qz:s:l-two" });
    const before = t.evidence();

    const lock = lockFile(file);
    try {
      const refused = await t.say("a", answer(q1));
      expect(refused.kind).toBe("error");
      expect(refused.text).toBe(STORAGE_BUSY_TEXT);
      expect((await t.http.inject({ method: "GET", url: "/health" })).statusCode).toBe(200);
    } finally {
      lock.release();
    }
    expect(t.evidence()).toBe(before);

    const again = await t.say("a", answer(q1));
    expect(again.kind).not.toBe("error");
    expect(again.quiz).toBeDefined();
    expect(t.evidence()).toBe(before + 1);
    await t.close();
  });
});

describe("SQLite file deleted under the running server (issue 11.5)", () => {
  it("stops acknowledging: answers after the deletion get the polite reply, /ready says why", async () => {
    const file = join(root, "deleted.sqlite");
    const t = app(file, {});
    await t.say("a", { action: "ob:yes" });
    const q1 = await t.say("a", { action: "qz:s:l-two" });
    const q2 = await t.say("a", answer(q1));
    expect(q2.quiz).toBeDefined(); // acknowledged before the deletion

    unlinkSync(file);
    const refused = await t.say("a", answer(q2));
    expect(refused.kind).toBe("error");
    expect(refused.text).toBe(STORAGE_BUSY_TEXT);
    expect(refused.quiz).toBeUndefined();
    // Other learners too: nothing written to the orphaned file is acknowledged.
    expect((await t.say("c", { action: "ob:yes" })).text).toBe(STORAGE_BUSY_TEXT);
    const ready = await t.http.inject({ method: "GET", url: "/ready" });
    expect(ready.statusCode).toBe(503);
    expect((ready.json() as { checks: { database: string } }).checks.database).toMatch(/deleted.*restore/);
    expect((await t.http.inject({ method: "GET", url: "/health" })).statusCode).toBe(200);
    await t.close();
  });

  it("also refuses writes when the file was replaced by another one", async () => {
    const file = join(root, "replaced.sqlite");
    const t = app(file, {});
    await t.say("a", { action: "ob:yes" });
    unlinkSync(file);
    new Database(file).close(); // a new, empty file at the same path
    expect((await t.say("a", { action: "qz:s:l-two" })).text).toBe(STORAGE_BUSY_TEXT);
    const ready = (await t.http.inject({ method: "GET", url: "/ready" })).json() as { checks: { database: string } };
    expect(ready.checks.database).toMatch(/replaced/);
    await t.close();
  });
});
