import { describe, expect, it } from "vitest";
import { createKeyedQueue } from "../../../src/shared/keyed-queue.js";
import { createRateWindow } from "../../../src/shared/rate-window.js";

describe("createKeyedQueue({ maxPending })", () => {
  it("refuses a key's task beyond the bound at once, leaves other keys alone, and frees room as tasks finish", async () => {
    const queue = createKeyedQueue({ maxPending: 2 });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const a1 = queue.tryRun("a", () => gate.then(() => "a1"));
    const a2 = queue.tryRun("a", async () => "a2");
    expect(queue.tryRun("a", async () => "a3")).toBeUndefined();
    expect(queue.pendingFor("a")).toBe(2);
    await expect(queue.tryRun("b", async () => "b1")).resolves.toBe("b1");
    release();
    expect(await Promise.all([a1, a2])).toEqual(["a1", "a2"]);
    await queue.idle();
    expect(queue.pendingFor("a")).toBe(0);
    await expect(queue.tryRun("a", async () => "again")).resolves.toBe("again");
  });
});

describe("createRateWindow", () => {
  it("allows max hits per window per key and forgets old windows past maxKeys", () => {
    let now = 0;
    const rate = createRateWindow({ max: 2, windowMs: 1000, maxKeys: 3, now: () => now });
    expect([rate.hit("a"), rate.hit("a"), rate.hit("a")]).toEqual([true, true, false]);
    expect(rate.hit("b")).toBe(true);
    now = 999;
    expect(rate.hit("a")).toBe(false);
    now = 1000;
    expect(rate.hit("a")).toBe(true);
    for (const k of ["c", "d", "e", "f"]) rate.hit(k);
    expect(rate.size).toBeLessThanOrEqual(3);
  });
});

describe("createRateWindow memory", () => {
  it("drops expired windows once per window, long before maxKeys", () => {
    let now = 0;
    const rate = createRateWindow({ max: 5, windowMs: 1000, maxKeys: 100_000, now: () => now });
    for (let i = 0; i < 500; i++) rate.hit(`learner-${i}`);
    expect(rate.size).toBe(500);
    now = 1500;
    rate.hit("someone-new");
    expect(rate.size).toBe(1);
    // A learner still inside their window keeps it (and its count).
    now = 1600;
    for (let i = 0; i < 5; i++) rate.hit("someone-new");
    expect(rate.hit("someone-new")).toBe(false);
  });
});
