import { describe, expect, it } from "vitest";
import { createQuestionRetention } from "../../../src/storage/question-retention.js";

/** Fake timers: the test fires the interval by hand; the clock is moved by hand. */
function setup(days = 180) {
  const now = { t: new Date("2026-11-29T00:00:00.000Z") };
  const calls: Array<{ name: string; before: string }> = [];
  const timer: { fn?: () => void; ms?: number; cleared: boolean } = { cleared: false };
  const log = (name: string, result: () => Promise<number>) => ({
    name,
    log: { deleteBefore: async (before: Date) => (calls.push({ name, before: before.toISOString() }), result()) },
  });
  const errors: unknown[] = [];
  const logger = { info() {}, warn() {}, debug() {}, error: (o: unknown) => errors.push(o), child() { return logger; } };
  const retention = createQuestionRetention({
    days,
    logs: [log("learning_questions", async () => 3), log("unanswered_question", async () => { throw new Error("db down"); })],
    everyMs: 1000,
    clock: () => now.t,
    logger,
    timers: { setInterval: (fn, ms) => Object.assign(timer, { fn, ms }), clearInterval: () => void (timer.cleared = true) },
  });
  return { now, calls, timer, errors, retention };
}

describe("question retention job", () => {
  it("deletes questions older than the retention period from every log, relative to the clock", async () => {
    const { calls, retention, now } = setup(180);
    expect(await retention.runOnce()).toEqual({ learning_questions: 3 });
    expect(calls).toEqual([
      { name: "learning_questions", before: "2026-06-02T00:00:00.000Z" },
      { name: "unanswered_question", before: "2026-06-02T00:00:00.000Z" },
    ]);
    now.t = new Date("2026-12-29T00:00:00.000Z");
    await retention.runOnce();
    expect(calls.at(-1)?.before).toBe("2026-07-02T00:00:00.000Z");
  });

  it("logs a failing log and still purges the others", async () => {
    const { errors, retention } = setup();
    expect(await retention.runOnce()).toEqual({ learning_questions: 3 });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ log: "unanswered_question" });
  });

  it("redacts older rows once at start, before the first purge", async () => {
    const order: string[] = [];
    const retention = createQuestionRetention({
      days: 180,
      logs: [{ name: "q", log: { redactStored: async () => (order.push("redact"), 2), deleteBefore: async () => (order.push("delete"), 0) } }],
      timers: { setInterval: () => 1, clearInterval: () => undefined },
    });
    retention.start();
    await retention.stop();
    expect(order).toEqual(["redact", "delete"]);
  });

  it("runs at start, then on every tick, and stops on close", async () => {
    const { calls, timer, retention } = setup();
    retention.start();
    retention.start(); // idempotent: one timer
    expect(timer.ms).toBe(1000);
    await retention.stop();
    expect(calls).toHaveLength(2);
    expect(timer.cleared).toBe(true);
    timer.fn?.();
    await retention.runOnce(); // joins the tick's run: runs never overlap
    expect(calls).toHaveLength(4);
    await retention.runOnce();
    expect(calls).toHaveLength(6);
  });
});
