import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { quizResultStatement } from "../../../src/assistant/learning/xapi.js";
import { createLrsForwarder } from "../../../src/lrs/forwarder.js";
import { openSqlite } from "../../../src/storage/sqlite/database.js";
import { createSqliteLearningStore } from "../../../src/storage/sqlite/learning-store.js";
import { LESSONS } from "../../fixtures/learning/lessons.js";

/** Fake LRS on 127.0.0.1: answers 503 while `down`, then stores statements (409 for an id it already has). */
function fakeLrs() {
  const accepted: string[] = [];
  const state = { down: true, requests: 0, auth: "", version: "" };
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (d) => (body += String(d)));
    req.on("end", () => {
      state.requests += 1;
      state.auth = req.headers.authorization ?? "";
      state.version = String(req.headers["x-experience-api-version"] ?? "");
      if (state.down || req.url !== "/xapi/statements") return void res.writeHead(503).end();
      const list = ([] as Array<{ id: string }>).concat(JSON.parse(body));
      if (list.some((s) => accepted.includes(s.id))) return void res.writeHead(409).end();
      accepted.push(...list.map((s) => s.id));
      res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(list.map((s) => s.id)));
    });
  });
  return { server, accepted, state };
}

describe("LRS forwarding through the outbox", () => {
  const lrs = fakeLrs();
  afterAll(() => new Promise<void>((r) => lrs.server.close(() => r())));

  it("loses nothing while the LRS is down and sends every statement exactly once after it recovers", async () => {
    await new Promise<void>((r) => lrs.server.listen(0, "127.0.0.1", () => r()));
    const port = (lrs.server.address() as AddressInfo).port;
    const db = openSqlite(join(mkdtempSync(join(tmpdir(), "lrs-")), "lrs.sqlite"));
    const store = createSqliteLearningStore(db);
    const make = (i: number) =>
      quizResultStatement({ homePage: "https://troly.so", learnerId: `learner-${i}`, platform: "web", at: new Date(Date.now() - 1000).toISOString() }, LESSONS[0]!, {
        attemptId: `00000000-0000-4000-8000-00000000000${i}`, correct: 3, total: 3, passed: true, startedAt: "2026-11-23T00:00:00.000Z",
      });
    await store.appendStatements([make(1), make(2), make(3)]);
    const forwarder = createLrsForwarder({
      outbox: store, lrs: { endpoint: `http://127.0.0.1:${port}/xapi`, username: "lrs-user", password: "lrs-pass" },
      batchSize: 2, baseDelayMs: 20, maxDelayMs: 80,
    });
    // Down: every try fails and is rescheduled with backoff; nothing is marked sent.
    for (let i = 0; i < 3; i++) {
      await forwarder.runOnce();
      await new Promise((r) => setTimeout(r, 90));
    }
    expect(await store.outboxCounts()).toEqual({ pending: 3, sent: 0 });
    expect(lrs.state.requests).toBeGreaterThanOrEqual(3);
    // New evidence keeps arriving during the outage.
    await store.appendStatements([make(4), make(5)]);
    lrs.state.down = false;
    // Simulate "LRS stored it but our process died before marking sent": the LRS already holds statement 4.
    lrs.accepted.push(make(4).id);
    for (let i = 0; i < 20 && (await store.outboxCounts()).pending > 0; i++) {
      await forwarder.runOnce();
      await new Promise((r) => setTimeout(r, 90));
    }
    expect(await store.outboxCounts()).toEqual({ pending: 0, sent: 5 });
    expect([...lrs.accepted].sort()).toEqual([1, 2, 3, 4, 5].map((i) => make(i).id).sort());
    expect(new Set(lrs.accepted).size).toBe(5);
    const before = lrs.state.requests;
    await forwarder.runOnce();
    expect(lrs.state.requests).toBe(before); // nothing is sent again once acknowledged
    expect(lrs.state.auth).toBe(`Basic ${Buffer.from("lrs-user:lrs-pass").toString("base64")}`);
    expect(lrs.state.version).toBe("1.0.3");
    await forwarder.stop();
    db.close();
  });
});
