import { describe, expect, it } from "vitest";
import { SendQueue } from "../../../../src/channels/shared/send-queue.js";
import { SlidingWindow } from "../../../../src/channels/shared/sliding-window.js";

/**
 * A virtual clock: a sleep yields one macrotask (so sends that need no wait run first, as in real time) and then
 * moves time forward to its wake-up point. Pacing is checked exactly and fast.
 */
function virtualClock() {
  let now = 0;
  return {
    now: () => now,
    sleep: async (ms: number) => {
      const wakeAt = now + ms;
      await new Promise((resolve) => setTimeout(resolve, 0));
      now = Math.max(now, wakeAt);
    },
  };
}

describe("SlidingWindow", () => {
  it("allows `limit` sends per window, then books the next window", () => {
    const w = new SlidingWindow(3, 1000);
    expect([w.reserve(0), w.reserve(0), w.reserve(0), w.reserve(0), w.reserve(0)]).toEqual([0, 0, 0, 1000, 1000]);
  });
});

describe("SendQueue", () => {
  it("keeps one chat in order and at least perChatIntervalMs apart", async () => {
    const clock = virtualClock();
    const q = new SendQueue({ perChatIntervalMs: 1000, ...clock });
    const sent: Array<[string, number]> = [];
    await Promise.all(["a", "b", "c"].map((x) => q.enqueue("chat1", false, async () => sent.push([x, clock.now()]))));
    expect(sent).toEqual([["a", 0], ["b", 1000], ["c", 2000]]);
  });

  it("holds a group to 20 messages per minute", async () => {
    const clock = virtualClock();
    const q = new SendQueue({ perChatIntervalMs: 0, group: { limit: 20, windowMs: 60_000 }, ...clock });
    const times: number[] = [];
    await Promise.all(Array.from({ length: 25 }, () => q.enqueue("g", true, async () => times.push(clock.now()))));
    expect(times.slice(0, 20).every((t) => t === 0)).toBe(true);
    expect(times.slice(20).every((t) => t >= 60_000)).toBe(true);
  });

  it("holds all chats together to the global budget", async () => {
    const clock = virtualClock();
    const q = new SendQueue({ perChatIntervalMs: 1000, global: { limit: 30, windowMs: 1000 }, ...clock });
    const times: number[] = [];
    await Promise.all(Array.from({ length: 45 }, (_, i) => q.enqueue(`c${i}`, false, async () => times.push(clock.now()))));
    expect(times.filter((t) => t < 1000)).toHaveLength(30);
  });

  it("does not retry a failed send (the outbox does), and later sends still go out", async () => {
    const q = new SendQueue({ perChatIntervalMs: 0 });
    let calls = 0;
    await expect(q.enqueue("c", false, async () => { calls++; throw new Error("400"); })).rejects.toThrow("400");
    expect(calls).toBe(1);
    await expect(q.enqueue("c", false, async () => "ok")).resolves.toBe("ok");
  });
});
