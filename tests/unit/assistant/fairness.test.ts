import { describe, expect, it } from "vitest";
import { createAssistant, DEFAULT_TURN_LIMITS, TOO_FAST_TEXT, type Feature, type Reply, type TurnLimits } from "../../../src/assistant/index.js";
import { InMemoryConversationStore } from "../../fakes/in-memory-stores.js";
import { testTemplates } from "../../fixtures/templates.js";

const learnerIdFor = (m: { channel: string; userId: string }) => `L:${m.userId}`;
/** Lets every pending promise callback run (no I/O and no timers are involved, so this is not a timing). */
const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

function track(p: Promise<Reply>) {
  const t: { settled: boolean; reply?: Reply; promise: Promise<Reply> } = { settled: false, promise: p };
  void p.then((r) => {
    t.settled = true;
    t.reply = r;
  });
  return t;
}

function gatedAssistant(limits: Partial<TurnLimits> = {}, clock?: () => Date) {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const done: string[] = [];
  const seen: Array<{ text: string; action?: string }> = [];
  // The flooder's turns hang (as a slow answer would) until the gate opens; everyone else is answered at once.
  const echo: Feature = {
    name: "echo",
    handle: async (t) => {
      seen.push({ text: t.text, action: t.message.action });
      if (t.learnerId === "L:flooder") await gate;
      done.push(`${t.learnerId}:${t.text}`);
      return { kind: "answer", text: `ok ${t.text}`, sources: [], confidence: 1 };
    },
  };
  const assistant = createAssistant({
    features: [echo],
    conversations: new InMemoryConversationStore(),
    learnerIdFor,
    templates: testTemplates,
    limits: { ...DEFAULT_TURN_LIMITS, ...limits },
    clock,
  });
  return { assistant, open: () => open(), done, seen };
}

describe("fairness (issue 11 item 3)", () => {
  it("one learner's flood is bounded and does not hold up another learner", async () => {
    const { assistant, open, done } = gatedAssistant({ maxQueuedTurns: 5, perLearner: { max: 1000, windowMs: 60_000 } });
    const flood = Array.from({ length: 40 }, (_, i) => track(assistant.handle({ channel: "telegram", userId: "flooder", text: `q${i}` })));
    await flush();
    // Five turns are running or waiting; the other 35 got the polite "too fast" reply at once, not a place in line.
    const waiting = flood.filter((t) => !t.settled);
    const refused = flood.filter((t) => t.settled);
    expect(waiting).toHaveLength(5);
    expect(refused).toHaveLength(35);
    for (const t of refused) expect(t.reply).toMatchObject({ kind: "info", text: TOO_FAST_TEXT, throttled: true });

    // Another learner is answered while the flooder's first turn still hangs.
    const other = await assistant.handle({ channel: "telegram", userId: "other", text: "cài vneid" });
    expect(other.text).toBe("ok cài vneid");
    expect(done).toEqual(["L:other:cài vneid"]);

    open();
    const answered = await Promise.all(waiting.map((t) => t.promise));
    expect(answered.map((r) => r.text)).toEqual(["ok q0", "ok q1", "ok q2", "ok q3", "ok q4"]);
    // The flooder's turns ran in order, all after the other learner's.
    expect(done).toEqual(["L:other:cài vneid", "L:flooder:q0", "L:flooder:q1", "L:flooder:q2", "L:flooder:q3", "L:flooder:q4"]);
    // Once the queue has room again the flooder is served normally.
    expect((await assistant.handle({ channel: "telegram", userId: "flooder", text: "again" })).text).toBe("ok again");
  });

  it("limits turns per learner per window on every channel, and the window resets", async () => {
    let now = Date.parse("2026-11-29T10:00:00Z");
    const { assistant, open } = gatedAssistant({ perLearner: { max: 3, windowMs: 60_000 } }, () => new Date(now));
    open();
    const ask = (userId: string, channel: "web" | "zalo" | "telegram" = "zalo") => assistant.handle({ channel, userId, text: "hỏi" });
    const first = [await ask("a"), await ask("a", "telegram"), await ask("a", "web")];
    expect(first.every((r) => r.text === "ok hỏi")).toBe(true);
    const fourth = await ask("a");
    expect(fourth).toMatchObject({ text: TOO_FAST_TEXT, throttled: true });
    // A different learner has a budget of their own.
    expect((await ask("b")).text).toBe("ok hỏi");
    now += 60_000;
    expect((await ask("a")).text).toBe("ok hỏi");
  });

  it("caps the text length in the core with a clear reply, whatever the channel", async () => {
    const { assistant, open, seen } = gatedAssistant({ maxTextLength: 100 });
    open();
    for (const channel of ["telegram", "zalo", "cli"] as const) {
      const reply = await assistant.handle({ channel, userId: `u-${channel}`, text: "a".repeat(101) });
      expect(reply.kind).toBe("info");
      expect(reply.text).toContain("dài quá 100 ký tự");
    }
    expect(seen).toHaveLength(0);
    expect((await assistant.handle({ channel: "zalo", userId: "u", text: `${"a".repeat(99)}  ` })).text).toBe(`ok ${"a".repeat(99)}`);
  });

  it("strips NUL and other control characters from the text and actions every feature sees", async () => {
    const { assistant, open, seen } = gatedAssistant();
    open();
    await assistant.handle({ channel: "telegram", userId: "u", text: "/lienket\u0000 AB\u0000C\u0007D" });
    await assistant.handle({ channel: "web", userId: "u", action: "ob:u:01\u0000" });
    await assistant.handle({ channel: "zalo", userId: "u", text: "bad \uD800 surrogate" });
    expect(seen[0]?.text).toBe("/lienket ABCD");
    expect(seen[1]?.action).toBe("ob:u:01");
    expect(seen[2]?.text).toBe("bad \uFFFD surrogate");
    expect(JSON.stringify(seen)).not.toContain("\\u0000");
  });
});

describe("hostile message fields (found by npm run fuzz)", () => {
  it("never throws to a channel when text or action is not a string", async () => {
    const { assistant, open, seen } = gatedAssistant();
    open();
    const odd = [Object.prototype.constructor, 42, { a: 1 }, ["x"], null] as unknown[];
    for (const value of odd) {
      await expect(assistant.handle({ channel: "zalo", userId: "u", action: value as string })).resolves.toMatchObject({ kind: "help" });
      await expect(assistant.handle({ channel: "zalo", userId: "u", text: value as string })).resolves.toMatchObject({ kind: "help" });
    }
    expect(seen).toHaveLength(0);
  });
});
