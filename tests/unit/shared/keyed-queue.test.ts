import { describe, expect, it } from "vitest";
import { createKeyedQueue } from "../../../src/shared/keyed-queue.js";

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("createKeyedQueue", () => {
  it("runs tasks of one key in order, other keys alongside, and forgets idle keys", async () => {
    const queue = createKeyedQueue();
    const log: string[] = [];
    const a1 = queue.run("a", async () => { await tick(10); log.push("a1"); });
    const a2 = queue.run("a", async () => { log.push("a2"); });
    const b1 = queue.run("b", async () => { log.push("b1"); });
    expect(queue.size).toBe(2);
    await Promise.all([a1, a2, b1]);
    expect(log).toEqual(["b1", "a1", "a2"]);
    await queue.idle();
    expect(queue.size).toBe(0);
  });

  it("passes a task's failure to its caller without blocking the next task of the key", async () => {
    const queue = createKeyedQueue();
    const failing = queue.run("a", async () => { throw new Error("boom"); });
    const next = queue.run("a", async () => "ok");
    await expect(failing).rejects.toThrow("boom");
    await expect(next).resolves.toBe("ok");
  });
});
