import { afterEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { Assistant, IncomingMessage } from "../../../src/assistant/index.js";
import { buildServer } from "../../../src/http/index.js";
import { InMemoryUnansweredLog } from "../../fakes/in-memory-stores.js";
import { buildTestAssistant } from "../../fakes/test-assistant.js";

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe("POST /api/chat", () => {
  it("answers with text, steps, buttons, sources and confidence", async () => {
    app = await buildServer({ assistant: buildTestAssistant({ threshold: 0.5 }).assistant });
    const res = await app.inject({ method: "POST", url: "/api/chat", payload: { userId: "web-1", text: "tải ứng dụng VNeID ở đâu" } });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ kind: "answer", confidence: expect.any(Number) });
    expect(body.text).toContain("Chỉ tải VNeID từ kho ứng dụng chính thức.");
    expect(body.stepIndex).toBeUndefined();
    expect(body.steps).toHaveLength(3);
    expect(body.buttons.map((b: { action: string }) => b.action)).toEqual(["s:next", "s:all"]);
    expect(body.sources[0]).toEqual({ id: "vneid-cai-dat", title: "Cài đặt ứng dụng VNeID", section: "Tải ứng dụng VNeID ở đâu?", url: "https://vneid.gov.vn/", updated: "2026-11-20" });
    const first = await app.inject({ method: "POST", url: "/api/chat", payload: { userId: "web-1", action: "s:next" } });
    expect(first.json()).toMatchObject({ kind: "step", stepIndex: 0 });
    expect(first.json().buttons.map((b: { action: string }) => b.action)).toEqual(["s:next", "s:rep", "s:all", "s:stop"]);
    const next = await app.inject({ method: "POST", url: "/api/chat", payload: { userId: "web-1", action: "s:next" } });
    expect(next.json().stepIndex).toBe(1);
  });

  it("passes channel web, the user id and the action to the assistant", async () => {
    const seen: IncomingMessage[] = [];
    const assistant: Assistant = { handle: async (m) => (seen.push(m), { kind: "info", text: "ok", sources: [], confidence: 1 }) };
    app = await buildServer({ assistant });
    await app.inject({ method: "POST", url: "/api/chat", payload: { userId: "u-9", text: "xin chào" } });
    await app.inject({ method: "POST", url: "/api/chat", payload: { userId: "u-9", action: "s:next" } });
    expect(seen).toEqual([
      { channel: "web", userId: "u-9", text: "xin chào", action: undefined },
      { channel: "web", userId: "u-9", text: undefined, action: "s:next" },
    ]);
  });

  it.each([
    [{ userId: "u", text: "" }, /text must not be empty/, "Bạn chưa gõ câu hỏi."],
    [{ userId: "u", text: "   " }, /text must not be empty/, "Bạn chưa gõ câu hỏi."],
    [{ userId: "u" }, /text must not be empty/, "Bạn chưa gõ câu hỏi."],
    [{ userId: "u", text: "a".repeat(1001) }, /at most 1000 characters/, "Câu hỏi dài quá 1000 ký tự. Bạn viết ngắn lại giúp tôi nhé."],
    [{ userId: 42, text: "hi" }, /userId must be a string/, undefined],
    [{ text: "hi" }, /userId is required/, undefined],
    [{ userId: "u", text: ["hi"] }, /text must be a string/, undefined],
    [{ userId: "u", text: "hi", extra: 1 }, /Unrecognized key/, undefined],
  ])("rejects %j with 400 and a clear message", async (payload, message, messageVi) => {
    let called = false;
    app = await buildServer({ assistant: { handle: async () => { called = true; return { kind: "info", text: "", sources: [], confidence: 1 }; } } });
    const res = await app.inject({ method: "POST", url: "/api/chat", payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe("bad_request:api");
    expect(res.json().message).toMatch(message);
    if (messageVi) expect(res.json().messageVi).toBe(messageVi);
    expect(called).toBe(false);
  });

  it("rejects malformed JSON and a non-JSON body with 400", async () => {
    app = await buildServer({ assistant: buildTestAssistant().assistant });
    const bad = await app.inject({ method: "POST", url: "/api/chat", headers: { "content-type": "application/json" }, payload: "{oops" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toBe("bad_request:api");
    const text = await app.inject({ method: "POST", url: "/api/chat", headers: { "content-type": "text/plain" }, payload: "hi" });
    expect(text.statusCode).toBe(400);
    expect(text.json().message).toMatch(/body must be a JSON object/);
  });

  it("hides internal errors behind a generic 500", async () => {
    app = await buildServer({ assistant: { handle: async () => { throw new Error("secret db password in message"); } } });
    const res = await app.inject({ method: "POST", url: "/api/chat", payload: { userId: "u", text: "hi" } });
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain("secret");
  });
});

describe("GET /health and the web page", () => {
  it("reports ok with the knowledge version", async () => {
    app = await buildServer({ assistant: buildTestAssistant().assistant, health: () => ({ knowledgeVersion: "abc123", chunks: 4 }) });
    const res = await app.inject({ method: "GET", url: "/health" });
    expect(res.json()).toMatchObject({ status: "ok", knowledgeVersion: "abc123", chunks: 4 });
  });

  it("serves the chat page with no external assets", async () => {
    app = await buildServer({ assistant: buildTestAssistant().assistant });
    const page = await app.inject({ method: "GET", url: "/" });
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toContain("text/html");
    expect(page.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(page.body).toContain('lang="vi"');
    expect(page.body).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect((await app.inject({ method: "GET", url: "/chat.js" })).statusCode).toBe(200);
    expect((await app.inject({ method: "GET", url: "/nope" })).statusCode).toBe(404);
  });

  it("registers extra plugins (channel webhooks, learning routes)", async () => {
    app = await buildServer({
      assistant: buildTestAssistant().assistant,
      extraPlugins: [async (a) => void a.get("/extra", async () => ({ ok: true }))],
    });
    expect((await app.inject({ method: "GET", url: "/extra" })).json()).toEqual({ ok: true });
  });
});

describe("GET /api/admin/unanswered", () => {
  it("needs the admin token and returns counts without identity", async () => {
    const log = new InMemoryUnansweredLog();
    await log.record("xổ số hôm nay", "out_of_scope");
    app = await buildServer({ assistant: buildTestAssistant().assistant, unanswered: log, adminToken: "0123456789abcdef" });
    expect((await app.inject({ method: "GET", url: "/api/admin/unanswered" })).statusCode).toBe(401);
    const res = await app.inject({ method: "GET", url: "/api/admin/unanswered", headers: { authorization: "Bearer 0123456789abcdef" } });
    expect(res.json().items).toMatchObject([{ text: "xổ số hôm nay", reason: "out_of_scope", count: 1 }]);
  });

  it("is not exposed without an admin token", async () => {
    app = await buildServer({ assistant: buildTestAssistant().assistant, unanswered: new InMemoryUnansweredLog() });
    expect((await app.inject({ method: "GET", url: "/api/admin/unanswered" })).statusCode).toBe(404);
  });
});

describe("request log", () => {
  it("writes one line per request with the route's pattern, never the query string", async () => {
    const { pino } = await import("pino");
    const lines: Array<Record<string, unknown>> = [];
    const logger = pino({ level: "info" }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
    app = await buildServer({ assistant: buildTestAssistant({ threshold: 0.5 }).assistant, logger });
    await app.inject({ method: "POST", url: "/api/chat?token=secret-in-a-query", payload: { userId: "web-1", text: "tải VNeID ở đâu" } });
    const requests = lines.filter((l) => l.msg === "request");
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ method: "POST", url: "/api/chat", statusCode: 200 });
    expect(JSON.stringify(lines)).not.toContain("secret-in-a-query");
  });
});
