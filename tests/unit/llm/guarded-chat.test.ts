import { describe, expect, it } from "vitest";
import type { ChatModel } from "../../../src/assistant/index.js";
import { guardChatModel } from "../../../src/llm/guarded-chat.js";
import { captureLogger } from "../../fakes/capture-logger.js";
import { buildTestAssistant } from "../../fakes/test-assistant.js";

function setup(timeoutMs = 50) {
  let now = 0;
  let mode: "ok" | "error" | "hang" = "ok";
  let calls = 0;
  const inner: ChatModel = {
    async complete() {
      calls += 1;
      if (mode === "error") throw new Error("LLM endpoint answered HTTP 500");
      if (mode === "hang") return new Promise<string>(() => {});
      return "Lời giải thích thân thiện.";
    },
  };
  const log = captureLogger();
  const guarded = guardChatModel(inner, { timeoutMs, failureThreshold: 2, cooldownMs: 10_000, now: () => now, logger: log.logger });
  return { guarded, log, calls: () => calls, setMode: (m: typeof mode) => (mode = m), advance: (ms: number) => (now += ms) };
}

describe("guardChatModel", () => {
  it("passes the model's text through while the endpoint works", async () => {
    const t = setup();
    expect(await t.guarded.model.complete("s", "u")).toBe("Lời giải thích thân thiện.");
    expect(t.guarded.status()).toBe("ok");
  });

  it("declines with an empty text on failure, opens after N, and warns once per opening", async () => {
    const t = setup();
    t.setMode("error");
    for (let i = 0; i < 6; i++) expect(await t.guarded.model.complete("s", "u")).toBe("");
    expect(t.calls()).toBe(2);
    expect(t.guarded.fallbacks()).toBe(6);
    expect(t.guarded.status()).toBe("down");
    expect(t.log.count("warn", /LLM endpoint failing/)).toBe(1);
    t.setMode("ok");
    t.advance(10_000);
    expect(await t.guarded.model.complete("s", "u")).toBe("Lời giải thích thân thiện.");
    expect(t.guarded.status()).toBe("ok");
    expect(t.log.count("info", /recovered/)).toBe(1);
  });

  it("cuts a hang at the deadline (the real adapter's own timeout aside)", async () => {
    const t = setup(30);
    t.setMode("hang");
    expect(await t.guarded.model.complete("s", "u")).toBe("");
    expect(t.guarded.breaker.consecutiveFailures).toBe(1);
  });

  it("leaves the QA feature's extractive answer in place when the LLM hangs", async () => {
    const t = setup(30);
    t.setMode("hang");
    const plain = await buildTestAssistant({ threshold: 0.5 }).say("mã otp là gì");
    const withModel = await buildTestAssistant({ threshold: 0.5, chatModel: t.guarded.model }).say("mã otp là gì");
    expect(withModel.kind).toBe(plain.kind);
    expect(withModel.text).toBe(plain.text);
    expect(t.calls()).toBe(1); // the model was asked, and its hang was cut
    expect(t.guarded.fallbacks()).toBe(1);
  });

  it("gives up by the caller's deadline when it is shorter than its own (what is left of the answer's budget)", async () => {
    const hanging: ChatModel = { complete: () => new Promise<string>(() => undefined) };
    const guarded = guardChatModel(hanging, { timeoutMs: 600_000, failureThreshold: 3, cooldownMs: 10_000 });
    expect(await guarded.model.complete("s", "u", { timeoutMs: 20 })).toBe("");
    expect(guarded.fallbacks()).toBe(1);
  });
});
