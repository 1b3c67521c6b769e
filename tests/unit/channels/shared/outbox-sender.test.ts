import { describe, expect, it } from "vitest";
import type { OutboxMessage } from "../../../../src/shared/delivery-ports.js";
import { createMemoryOutboxStore } from "../../../../src/channels/shared/memory-delivery-store.js";
import { backoffDelayMs, createOutboxSender, type OutboxPolicy } from "../../../../src/channels/shared/outbox-sender.js";
import { manualTimers, type ManualTimers } from "../../../fakes/manual-timers.js";

class PlatformError extends Error {
  constructor(
    readonly code: number,
    readonly retryAfterMs?: number,
  ) {
    super(`${code}: platform error`);
  }
}

const classify = (error: unknown) => {
  const e = error as PlatformError;
  if (e.code === 429) return { retryAfterMs: e.retryAfterMs };
  return e.code >= 500 ? {} : undefined;
};

/** A chat platform stand-in: fails while `failing(message)` says so, records every attempt and every delivery. */
function fakePlatform(timers: ManualTimers) {
  const attempts: Array<{ chatId: string; payload: string; atMs: number }> = [];
  const delivered: string[] = [];
  let failing: (m: OutboxMessage) => PlatformError | undefined = () => undefined;
  return {
    attempts,
    delivered,
    failWhile(rule: (m: OutboxMessage) => PlatformError | undefined) {
      failing = rule;
    },
    async send(m: OutboxMessage) {
      attempts.push({ chatId: m.chatId, payload: m.payload, atMs: timers.elapsedMs() });
      const error = failing(m);
      if (error) throw error;
      delivered.push(`${m.chatId}:${m.payload}`);
    },
  };
}

function setup(policy: Partial<OutboxPolicy> = {}, store = createMemoryOutboxStore(), timers = manualTimers()) {
  const platform = fakePlatform(timers);
  const dead: OutboxMessage[] = [];
  const make = () =>
    createOutboxSender({
      channel: "telegram",
      store,
      send: (m) => platform.send(m),
      classify,
      overflowNotice: (chatId) => `notice-for-${chatId}`,
      policy,
      onDead: (m) => dead.push(m),
      now: timers.now,
      schedule: timers.schedule,
    });
  const sender = make();
  /** Runs timers until nothing is pending: minutes of simulated time, no real waiting. */
  const drain = async (s = sender) => {
    for (let i = 0; i < 10_000; i++) {
      await s.settled();
      if ((await store.nextDueAt("telegram")) === undefined) return;
      if (!timers.fireNext()) throw new Error("pending messages but no timer armed");
    }
    throw new Error("outbox did not drain");
  };
  return { store, timers, platform, dead, sender, make, drain };
}

describe("outbox sender", () => {
  it("delivers every message once and in per-chat order through ten minutes of 5xx", async () => {
    const { sender, platform, timers, drain, dead } = setup();
    platform.failWhile(() => (timers.elapsedMs() < 10 * 60_000 ? new PlatformError(502) : undefined));
    sender.start();
    await sender.enqueue("A", ["a1", "a2"]);
    await sender.enqueue("B", ["b1"]);
    await sender.enqueue("A", ["a3"]);
    await drain();
    expect(dead).toEqual([]);
    expect(platform.delivered.filter((d) => d.startsWith("A:"))).toEqual(["A:a1", "A:a2", "A:a3"]);
    expect(platform.delivered.filter((d) => d.startsWith("B:"))).toEqual(["B:b1"]);
    // Message n+1 of a chat is never attempted before message n got through.
    const a2First = platform.attempts.findIndex((a) => a.payload === "a2");
    const a1Sent = platform.attempts.findLastIndex((a) => a.payload === "a1");
    expect(a2First).toBeGreaterThan(a1Sent);
    // Backoff, not hammering: a handful of attempts per head over ten minutes.
    expect(platform.attempts.filter((a) => a.payload === "a1").length).toBeLessThanOrEqual(12);
  });

  it("backs off exponentially up to the cap", () => {
    const policy = { backoffBaseMs: 2_000, backoffMaxMs: 120_000 };
    expect([1, 2, 3, 6, 7, 8, 20].map((n) => backoffDelayMs(n, policy))).toEqual([2_000, 4_000, 8_000, 64_000, 120_000, 120_000, 120_000]);
  });

  it("waits exactly retry_after after a 429", async () => {
    const { sender, platform, timers, drain } = setup();
    let once = true;
    platform.failWhile(() => (once ? ((once = false), new PlatformError(429, 7_000)) : undefined));
    sender.start();
    await sender.enqueue("A", ["a1"]);
    await sender.settled();
    expect(timers.pending()[0]).toBe(7_000);
    await drain();
    expect(platform.attempts.map((a) => a.atMs)).toEqual([0, 7_000]);
    expect(platform.delivered).toEqual(["A:a1"]);
  });

  it("dead-letters a message after the retry window, then delivers the chat's next message", async () => {
    const { sender, platform, timers, drain, dead, store } = setup({ retryWindowMs: 15 * 60_000 });
    platform.failWhile((m) => (m.payload === "stuck" ? new PlatformError(500) : undefined));
    sender.start();
    await sender.enqueue("A", ["stuck", "next"]);
    await drain();
    expect(dead.map((m) => m.payload)).toEqual(["stuck"]);
    expect(platform.delivered).toEqual(["A:next"]);
    const lastTry = platform.attempts.filter((a) => a.payload === "stuck").at(-1)!.atMs;
    expect(lastTry).toBeLessThanOrEqual(15 * 60_000);
    expect(timers.elapsedMs()).toBeGreaterThan(10 * 60_000); // it really kept trying for minutes
    expect(store.rows().filter((r) => r.state === "dead")).toHaveLength(1);
  });

  it("dead-letters after maxAttempts, and at once for a 4xx that would fail again", async () => {
    const { sender, platform, drain, dead } = setup({ maxAttempts: 3 });
    platform.failWhile((m) => (m.payload === "blocked" ? new PlatformError(403) : new PlatformError(503)));
    sender.start();
    await sender.enqueue("A", ["blocked"]);
    await sender.enqueue("B", ["down"]);
    await drain();
    expect(platform.attempts.filter((a) => a.payload === "blocked")).toHaveLength(1);
    expect(platform.attempts.filter((a) => a.payload === "down")).toHaveLength(3);
    expect(dead.map((m) => m.payload).sort()).toEqual(["blocked", "down"]);
  });

  it("bounds a chat's queue: a flood is dropped with one notice, other chats are unaffected", async () => {
    const { sender, platform, store, drain } = setup({ maxPendingPerChat: 3 });
    platform.failWhile(() => new PlatformError(503));
    sender.start();
    const accepted = [];
    for (let i = 1; i <= 6; i++) accepted.push(await sender.enqueue("A", [`a${i}`]));
    expect(accepted).toEqual([true, true, true, false, false, false]);
    expect(await sender.enqueue("B", ["b1"])).toBe(true);
    expect(store.rows().map((r) => r.payload)).toEqual(["a1", "a2", "a3", "notice-for-A", "b1"]);
    platform.failWhile(() => undefined);
    await drain();
    expect(platform.delivered.filter((d) => d.startsWith("A:"))).toEqual(["A:a1", "A:a2", "A:a3", "A:notice-for-A"]);
    expect(platform.delivered.filter((d) => d.startsWith("B:"))).toEqual(["B:b1"]);
  });

  it("after a restart sends what was pending, and nothing that was already confirmed", async () => {
    const { sender, platform, drain, make, timers } = setup();
    sender.start();
    await sender.enqueue("A", ["confirmed"]);
    await sender.settled();
    platform.failWhile(() => new PlatformError(500));
    await sender.enqueue("A", ["pending-1", "pending-2"]);
    await sender.settled();
    await sender.stop(); // the process goes away while pending-1 waits for its retry
    timers.advance(60_000);
    platform.failWhile(() => undefined);
    const restarted = make();
    restarted.start();
    await drain(restarted);
    expect(platform.delivered).toEqual(["A:confirmed", "A:pending-1", "A:pending-2"]);
    await restarted.stop();
  });
});

describe("outbox sender under a backlog (issue 14)", () => {
  /** Lets every promise and setImmediate callback queued so far run (no clock involved). */
  const turns = async (n = 5) => {
    for (let i = 0; i < n; i++) await new Promise<void>((resolve) => setImmediate(resolve));
  };

  it("reads the store in batches, keeps at most 64 sends in flight, and keeps per-chat order", async () => {
    const timers = manualTimers();
    const memory = createMemoryOutboxStore();
    const calls = { due: 0, nextDueAt: 0 };
    const store: typeof memory = {
      ...memory,
      due: (...args) => (calls.due++, memory.due(...args)),
      nextDueAt: (...args) => (calls.nextDueAt++, memory.nextDueAt(...args)),
    };
    for (let i = 0; i < 300; i++) await store.append("telegram", `c${i}`, [`m${i}`], { now: timers.now(), maxPending: 30 });
    await store.append("telegram", "A", ["a1", "a2"], { now: timers.now(), maxPending: 30 });
    // A platform that answers only when the test says so: what is in flight stays in flight.
    const held: Array<() => void> = [];
    const delivered: string[] = [];
    let maxInFlight = 0;
    const sender = createOutboxSender({
      channel: "telegram",
      store,
      send: (m) =>
        new Promise<void>((resolve) => {
          held.push(() => {
            delivered.push(`${m.chatId}:${m.payload}`);
            resolve();
          });
          maxInFlight = Math.max(maxInFlight, held.length);
        }),
      classify,
      overflowNotice: () => "notice",
      now: timers.now,
      schedule: timers.schedule,
    });
    sender.start();
    await turns();
    expect(held).toHaveLength(64);
    const readsAtStart = calls.due + calls.nextDueAt;
    for (let round = 0; round < 100 && delivered.length < 302; round++) {
      for (const release of held.splice(0, held.length)) release();
      await turns();
    }
    expect(delivered).toHaveLength(302);
    expect(maxInFlight).toBeLessThanOrEqual(64);
    expect(delivered.filter((d) => d.startsWith("A:"))).toEqual(["A:a1", "A:a2"]);
    // One read per refill (each refill starts up to 64 sends), not one or two per message.
    expect(calls.due + calls.nextDueAt - readsAtStart).toBeLessThanOrEqual(20);
    await sender.stop();
  });
});
