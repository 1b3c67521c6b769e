import { afterEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { buildServer } from "../../../src/http/index.js";
import { buildTestAssistant } from "../../fakes/test-assistant.js";

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe("GET /health (liveness)", () => {
  it("is ok with no optional part down", async () => {
    app = await buildServer({ assistant: buildTestAssistant().assistant, parts: () => ({ embeddings: "off", llm: "ok" }) });
    const res = await app.inject({ method: "GET", url: "/health" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: "ok", parts: { embeddings: "off", llm: "ok" } });
  });

  it("says degraded, still with 200, while an optional part is down", async () => {
    let embeddings: "ok" | "down" = "down";
    app = await buildServer({ assistant: buildTestAssistant().assistant, parts: () => ({ embeddings, llm: "off" }) });
    const res = await app.inject({ method: "GET", url: "/health" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: "degraded", parts: { embeddings: "down", llm: "off" } });
    embeddings = "ok";
    expect((await app.inject({ method: "GET", url: "/health" })).json().status).toBe("ok");
  });
});

describe("GET /ready (readiness)", () => {
  it("answers 200 with the checks when ready", async () => {
    app = await buildServer({
      assistant: buildTestAssistant().assistant,
      ready: async () => ({ ready: true, checks: { database: "ok", index: "ok" } }),
    });
    const res = await app.inject({ method: "GET", url: "/ready" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ready", checks: { database: "ok", index: "ok" } });
  });

  it("answers 503 with a Vietnamese and an English message and the failing check", async () => {
    app = await buildServer({
      assistant: buildTestAssistant().assistant,
      ready: async () => ({ ready: false, checks: { database: "database is locked", index: "ok" } }),
    });
    const res = await app.inject({ method: "GET", url: "/ready" });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({
      status: "not_ready",
      error: "unavailable:api",
      message: expect.stringMatching(/not ready/i),
      messageVi: expect.stringContaining("chưa sẵn sàng"),
      checks: { database: "database is locked" },
    });
  });

  it("answers 503 when the check itself throws", async () => {
    app = await buildServer({ assistant: buildTestAssistant().assistant, ready: async () => { throw new Error("pool gone"); } });
    const res = await app.inject({ method: "GET", url: "/ready" });
    expect(res.statusCode).toBe(503);
    expect(res.json().checks).toEqual({ readiness: "pool gone" });
  });
});
