import { mkdtempSync, rmSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import type { FastifyInstance } from "fastify";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { composeApp, type App } from "../../../src/compose.js";
import { loadConfig } from "../../../src/config.js";
import { FAKE_LLM_TEXT, startFakeOpenAiEndpoint } from "../../fakes/fake-openai-endpoint.js";

/**
 * Issue 11 item 4 end to end: the production composition (real knowledge base, SQLite in a temp dir) with
 * EMBEDDINGS_URL and LLM_URL pointing at a fake OpenAI-compatible endpoint on 127.0.0.1 that fails, recovers and
 * hangs. Outcomes only — every question is answered from the knowledge base, the fallbacks were used, the breakers
 * open and recover, /health and /ready say so — never how many milliseconds anything took. Short deadlines and
 * cool-down keep the file quick; the tests wait for states (with generous limits), never for fixed times.
 */
let fake: Awaited<ReturnType<typeof startFakeOpenAiEndpoint>>;
let app: App;
let http: FastifyInstance;
const root = mkdtempSync(join(tmpdir(), "tls-endpoint-faults-"));
const warnings: string[] = [];

beforeAll(async () => {
  fake = await startFakeOpenAiEndpoint();
  const config = loadConfig({
    DATA_DIR: root,
    EMBEDDINGS_URL: fake.url,
    LLM_URL: fake.url,
    EMBEDDINGS_TIMEOUT_MS: "300",
    LLM_TIMEOUT_MS: "500",
    ENDPOINT_BREAKER_FAILURES: "2",
    ENDPOINT_BREAKER_COOLDOWN_MS: "2000",
  });
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) {
        const entry = JSON.parse(line) as { level: number; msg: string };
        if (entry.level === 40) warnings.push(entry.msg);
      }
      done();
    },
  });
  app = await composeApp(config, pino({ level: "warn" }, sink));
  http = await app.buildHttp();
});

afterAll(async () => {
  await http?.close();
  await app?.close();
  await fake?.close();
  rmSync(root, { recursive: true, force: true });
});

let user = 0;
async function ask(text: string) {
  const res = await http.inject({ method: "POST", url: "/api/chat", payload: { userId: `fault-${user++}`, text } });
  expect(res.statusCode).toBe(200);
  return res.json() as { kind: string; text: string; sources: Array<{ id: string }> };
}
const health = async () => (await http.inject({ method: "GET", url: "/health" })).json() as { status: string; parts: Record<string, string> };
const failingWarnings = () => warnings.filter((w) => /endpoint failing/.test(w));

/** Asks (so the half-open probe can happen) until /health is ok again; the loop is bounded, its pace is not asserted. */
async function askUntilHealthy(question: string): Promise<boolean> {
  for (let i = 0; i < 200; i++) {
    await ask(question);
    if ((await health()).status === "ok") return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

const QUESTIONS = ["mã OTP là gì", "cách cài VNeID", "bị lừa chuyển tiền phải làm gì", "quên mật khẩu VNeID thì làm sao"];

function expectKnowledgeAnswer(reply: { kind: string; text: string; sources: Array<{ id: string }> }, question: string) {
  expect(["answer", "step"], `${question}: ${reply.kind} ${reply.text.slice(0, 80)}`).toContain(reply.kind);
  expect(reply.sources.length, question).toBeGreaterThan(0);
  expect(reply.text, question).not.toContain(FAKE_LLM_TEXT);
}

describe("optional endpoints down, back and hanging (POST /api/chat, /health, /ready)", () => {
  it("starts healthy: hybrid ranking, the LLM re-words, /health ok, /ready 200", async () => {
    const reply = await ask("mã OTP là gì");
    expect(reply.sources.length).toBeGreaterThan(0);
    expect(await health()).toMatchObject({ status: "ok", parts: { embeddings: "ok", llm: "ok" } });
    expect((await http.inject({ method: "GET", url: "/ready" })).json()).toEqual({ status: "ready", checks: { database: "ok", index: "ok" } });
    expect(app.health.fallbacks()).toEqual({ embeddings: 0, llm: 0 });
  });

  it("(a) HTTP 500: answers from the knowledge base, breakers open, /health degraded, one warning each", async () => {
    fake.setMode("error");
    for (const question of [...QUESTIONS, ...QUESTIONS]) expectKnowledgeAnswer(await ask(question), question);
    expect(app.health.fallbacks().embeddings).toBeGreaterThanOrEqual(QUESTIONS.length * 2);
    expect(app.health.fallbacks().llm).toBeGreaterThan(0);
    expect(await health()).toMatchObject({ status: "degraded", parts: { embeddings: "down", llm: "down" } });
    expect((await http.inject({ method: "GET", url: "/ready" })).statusCode).toBe(200); // degraded, still ready
    expect(failingWarnings()).toHaveLength(2); // one per endpoint, not one per question
  });

  it("(c) recovers: after the cool-down a probe closes the breakers and /health is ok again", async () => {
    fake.setMode("ok");
    expect(await askUntilHealthy("mã OTP là gì")).toBe(true);
    expect(await health()).toMatchObject({ status: "ok", parts: { embeddings: "ok", llm: "ok" } });
  });

  it("(b) hanging: every question is still answered, the hangs are cut, the breakers open again", async () => {
    fake.setMode("hang");
    const before = app.health.fallbacks();
    for (const question of [...QUESTIONS, ...QUESTIONS]) expectKnowledgeAnswer(await ask(question), question);
    expect(app.health.fallbacks().embeddings - before.embeddings).toBe(QUESTIONS.length * 2);
    expect(await health()).toMatchObject({ status: "degraded", parts: { embeddings: "down", llm: "down" } });
    expect(failingWarnings()).toHaveLength(4); // second opening of each breaker
    fake.setMode("ok");
  });

  it("/ready answers 503 with a Vietnamese and an English message when the database file is gone", async () => {
    unlinkSync(join(root, "tro-ly-so.sqlite"));
    const res = await http.inject({ method: "GET", url: "/ready" });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({
      status: "not_ready",
      messageVi: expect.stringContaining("chưa sẵn sàng"),
      message: expect.stringMatching(/not ready/i),
      checks: { database: expect.stringMatching(/missing/), index: "ok" },
    });
    expect((await http.inject({ method: "GET", url: "/health" })).statusCode).toBe(200); // liveness is unaffected
  });
});
