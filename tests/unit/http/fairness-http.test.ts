import { afterEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { createAssistant, TOO_FAST_TEXT, type Assistant } from "../../../src/assistant/index.js";
import { buildServer } from "../../../src/http/index.js";
import { InMemoryConversationStore, InMemoryUnansweredLog } from "../../fakes/in-memory-stores.js";
import { testTemplates } from "../../fixtures/templates.js";

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const echo: Assistant = { handle: async (m) => ({ kind: "info", text: `ok ${m.text ?? ""}`, sources: [], confidence: 1 }) };
const chat = (from: string, userId: string, text = "hỏi") =>
  app!.inject({ method: "POST", url: "/api/chat", remoteAddress: from, payload: { userId, text } });

describe("POST /api/chat fairness (issue 11 item 3)", () => {
  it("limits requests per IP with a 429 and the friendly Vietnamese text; other IPs are not affected", async () => {
    app = await buildServer({ assistant: echo, chat: { perIp: { max: 3, windowMs: 60_000 } } });
    // Different user ids from one address: the per-IP limit is what stops someone rotating ids.
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await chat("203.0.113.7", `u${i}`)).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const limited = await chat("203.0.113.7", "u9");
    expect(limited.json()).toMatchObject({ error: "rate_limit:api", messageVi: TOO_FAST_TEXT });
    expect(limited.headers["retry-after"]).toBeDefined();
    expect((await chat("198.51.100.4", "u1")).statusCode).toBe(200);
    // Loopback (a local reverse proxy without X-Forwarded-For, in-process scripts) is left to the per-learner limit.
    for (let i = 0; i < 5; i++) expect((await chat("127.0.0.1", `l${i}`)).statusCode).toBe(200);
    // Health and the page are never limited.
    for (let i = 0; i < 5; i++) expect((await app.inject({ method: "GET", url: "/health", remoteAddress: "203.0.113.7" })).statusCode).toBe(200);
  });

  it("answers the core's per-learner limit with the same 429", async () => {
    const assistant = createAssistant({
      features: [{ name: "echo", handle: async (t) => ({ kind: "info", text: `ok ${t.text}`, sources: [], confidence: 1 }) }],
      conversations: new InMemoryConversationStore(),
      learnerIdFor: (m) => m.userId,
      templates: testTemplates,
      limits: { maxTextLength: 1000, perLearner: { max: 2, windowMs: 60_000 }, maxQueuedTurns: 5 },
    });
    app = await buildServer({ assistant, chat: { perIp: { max: 100, windowMs: 60_000 } } });
    expect((await chat("203.0.113.7", "same")).statusCode).toBe(200);
    expect((await chat("198.51.100.4", "same")).statusCode).toBe(200);
    const third = await chat("192.0.2.1", "same");
    expect(third.statusCode).toBe(429);
    expect(third.json()).toMatchObject({ error: "rate_limit:api", messageVi: TOO_FAST_TEXT });
    expect((await chat("192.0.2.1", "someone-else")).statusCode).toBe(200);
  });

  it("caps the text at the configured length with a 400 in both languages", async () => {
    app = await buildServer({ assistant: echo, chat: { maxTextLength: 200 } });
    const res = await chat("203.0.113.7", "u", "a".repeat(201));
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe("text must be at most 200 characters");
    expect(res.json().messageVi).toContain("200 ký tự");
    expect((await chat("203.0.113.7", "u", "a".repeat(200))).statusCode).toBe(200);
  });

  it("keeps the chat page's security headers with the rate limiter registered", async () => {
    app = await buildServer({ assistant: echo, chat: { perIp: { max: 1, windowMs: 60_000 } } });
    for (const url of ["/", "/chat.js", "/chat.css"]) {
      const res = await app.inject({ method: "GET", url, remoteAddress: "203.0.113.7" });
      expect(res.statusCode).toBe(200);
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    }
  });
});

describe("GET /api/admin/unanswered with a wrong token", () => {
  it("says \"Sai mã quản trị\" (not a system failure) and names the Bearer scheme", async () => {
    app = await buildServer({ assistant: echo, unanswered: new InMemoryUnansweredLog(), adminToken: "0123456789abcdef" });
    for (const authorization of [undefined, "Bearer wrong-token-000000", "Basic abc"]) {
      const res = await app.inject({ method: "GET", url: "/api/admin/unanswered", headers: authorization ? { authorization } : {} });
      expect(res.statusCode).toBe(401);
      expect(res.json().messageVi).toBe("Sai mã quản trị.");
      expect(res.headers["www-authenticate"]).toMatch(/^Bearer/);
    }
  });
});
