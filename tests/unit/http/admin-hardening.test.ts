import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LearningStore } from "../../../src/assistant/learning/index.js";
import { quizResultStatement } from "../../../src/assistant/learning/xapi.js";
import { createAdminPlugin } from "../../../src/http/admin/index.js";
import { installErrorHandler } from "../../../src/http/error-handler.js";
import { openSqlite } from "../../../src/storage/sqlite/database.js";
import { createSqliteLearningStore } from "../../../src/storage/sqlite/learning-store.js";
import { LESSONS, PATHS } from "../../fixtures/learning/lessons.js";

const TOKEN = "admin-token-0123456789";
const auth = { authorization: `Bearer ${TOKEN}` };
const cursor = (c: unknown) => Buffer.from(JSON.stringify(c)).toString("base64url");
let app: FastifyInstance;
let store: LearningStore;

beforeAll(async () => {
  store = createSqliteLearningStore(openSqlite(":memory:"));
  for (let i = 0; i < 3; i++) {
    await store.appendStatements([
      quizResultStatement(
        { homePage: "https://troly.so", learnerId: `L${i}`, platform: "web", at: `2026-11-1${i}T00:00:00.000Z` },
        LESSONS[0]!,
        { attemptId: `00000000-0000-4000-8000-00000000000${i}`, correct: 3, total: 3, passed: true, startedAt: "2026-11-10T00:00:00.000Z" },
      ),
    ]);
  }
  app = Fastify();
  installErrorHandler(app);
  await app.register(createAdminPlugin({ store, paths: PATHS, apiToken: TOKEN, homePage: "https://troly.so", clock: () => new Date("2026-11-23T05:00:00.000Z") }));
});
afterAll(async () => {
  await app.close();
  await store.close();
});

describe("admin hardening (issue 11 item 8)", () => {
  it("serves the report page with a CSP that forbids framing, and nosniff", async () => {
    const res = await app.inject({ url: "/admin/report" });
    expect(res.statusCode).toBe(200);
    const csp = String(res.headers["content-security-policy"]);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'none'");
    // The page uses the shared admin layout (issue 13): scripts only as files from this origin, none inline.
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(res.body).not.toMatch(/<script(?![^>]*\bsrc=)/);
    expect(csp).not.toContain("unsafe-inline");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("answers a wrong or missing token with 401 \"Sai mã quản trị\" and WWW-Authenticate: Bearer", async () => {
    for (const headers of [{}, { authorization: "Bearer not-the-token-0000" }]) {
      for (const url of ["/xapi/statements", "/admin/reports", "/admin/mentors"]) {
        const res = await app.inject({ url, headers });
        expect(res.statusCode).toBe(401);
        expect(res.headers["www-authenticate"]).toMatch(/^Bearer/);
        expect(res.json().messageVi).toBe("Sai mã quản trị.");
        expect(res.body).not.toMatch(/trục trặc/);
      }
    }
  });

  it("validates the statements cursor like the query: types, limit ≤ 500, no unknown fields", async () => {
    const ok = await app.inject({ url: `/xapi/statements?cursor=${cursor({ limit: 2, afterSeq: 0 })}`, headers: auth });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().statements).toHaveLength(2);
    const bad: unknown[] = [
      { limit: 100_000, afterSeq: 0 },
      { limit: -1, afterSeq: 0 },
      { limit: 1.5, afterSeq: 0 },
      { limit: 10, afterSeq: -5 },
      { limit: 10, afterSeq: 0, verb: { $ne: 1 } },
      { limit: 10, afterSeq: 0, agentName: ["L0"] },
      { limit: 10, afterSeq: 0, since: "yesterday" },
      { limit: 10, afterSeq: 0, agentName: "L0\u0000" },
      { limit: 10, afterSeq: 0, extra: 1 },
      [1, 2],
      "x",
      null,
    ];
    for (const c of bad) {
      const res = await app.inject({ url: `/xapi/statements?cursor=${cursor(c)}`, headers: auth });
      expect(res.statusCode, JSON.stringify(c)).toBe(400);
      expect(res.json().message).toMatch(/^cursor: /);
    }
    const garbage = await app.inject({ url: "/xapi/statements?cursor=%%%", headers: auth });
    expect(garbage.statusCode).toBe(400);
    const nul = await app.inject({ url: "/xapi/statements?since=2026-11-01%00", headers: auth });
    expect(nul.statusCode).toBe(400);
  });
});
