import { afterEach, describe, expect, it, vi } from "vitest";
import { GuardedQueryEmbedder } from "../../../src/retrieval/guarded-query-embedder.js";
import { captureLogger } from "../../fakes/capture-logger.js";

afterEach(() => vi.useRealTimers());

/** An embedder whose behaviour the test switches: answer, throw, or hang. */
function setup() {
  let now = 0;
  let mode: "ok" | "error" | "hang" = "ok";
  let calls = 0;
  const log = captureLogger();
  const guard = new GuardedQueryEmbedder(
    async () => {
      calls += 1;
      if (mode === "error") throw new Error("HTTP 500");
      if (mode === "hang") return new Promise<number[]>(() => {});
      return [1, 2, 3];
    },
    { timeoutMs: 1500, failureThreshold: 3, cooldownMs: 30_000, now: () => now, logger: log.logger },
  );
  return { guard, log, calls: () => calls, setMode: (m: typeof mode) => (mode = m), advance: (ms: number) => (now += ms) };
}

describe("GuardedQueryEmbedder", () => {
  it("returns the vector while the endpoint works", async () => {
    const { guard } = setup();
    expect(await guard.vectorFor("mã otp")).toEqual([1, 2, 3]);
    expect(guard.status()).toBe("ok");
    expect(guard.fallbacks).toBe(0);
  });

  it("falls back (undefined) on errors, opens after 3, skips the endpoint, and warns once per opening", async () => {
    const t = setup();
    t.setMode("error");
    for (let i = 0; i < 10; i++) expect(await t.guard.vectorFor(`câu ${i}`)).toBeUndefined();
    expect(t.calls()).toBe(3); // the other 7 questions did not wait for the endpoint at all
    expect(t.guard.fallbacks).toBe(10);
    expect(t.guard.status()).toBe("down");
    expect(t.log.count("warn", /embeddings endpoint failing/)).toBe(1);
    expect(t.log.lines.filter((l) => l.level === "warn")).toHaveLength(1);
  });

  it("cuts a hanging endpoint at the deadline", async () => {
    vi.useFakeTimers();
    const t = setup();
    t.setMode("hang");
    const pending = t.guard.vectorFor("cài vneid");
    await vi.advanceTimersByTimeAsync(1500);
    expect(await pending).toBeUndefined();
    expect(t.guard.breaker.consecutiveFailures).toBe(1);
  });

  it("probes after the cool-down and recovers, logging the recovery once", async () => {
    const t = setup();
    t.setMode("error");
    for (let i = 0; i < 3; i++) await t.guard.vectorFor("x");
    t.setMode("ok");
    t.advance(29_999);
    expect(await t.guard.vectorFor("x")).toBeUndefined(); // still open
    t.advance(1);
    expect(t.guard.breaker.state).toBe("half-open");
    expect(t.guard.status()).toBe("down");
    expect(await t.guard.vectorFor("x")).toEqual([1, 2, 3]);
    expect(t.guard.status()).toBe("ok");
    expect(t.log.count("info", /recovered/)).toBe(1);
    // A second outage warns again: once per opening.
    t.setMode("error");
    for (let i = 0; i < 5; i++) await t.guard.vectorFor("x");
    expect(t.log.count("warn", /embeddings endpoint failing/)).toBe(2);
  });
});
