import { describe, expect, it } from "vitest";
import { createAssistant, type Feature } from "../../../src/assistant/index.js";
import { InMemoryConversationStore } from "../../fakes/in-memory-stores.js";
import { testTemplates } from "../../fixtures/templates.js";

const learnerIdFor = (m: { channel: string; userId: string }) => `L:${m.channel}:${m.userId}`;

describe("createAssistant (dialogue router)", () => {
  it("offers the turn to features in order and returns the first reply", async () => {
    const seen: string[] = [];
    const pass: Feature = { name: "pass", handle: async () => { seen.push("pass"); return undefined; } };
    const answer: Feature = { name: "answer", handle: async (t) => ({ kind: "answer", text: `echo ${t.text}`, sources: [], confidence: 1 }) };
    const never: Feature = { name: "never", handle: async () => { seen.push("never"); return undefined; } };
    const assistant = createAssistant({ features: [pass, answer, never], conversations: new InMemoryConversationStore(), learnerIdFor, templates: testTemplates });
    const reply = await assistant.handle({ channel: "web", userId: "u", text: "  Xin  chào " });
    expect(reply.text).toBe("echo Xin chào");
    expect(seen).toEqual(["pass"]);
  });

  it("runs one learner's turns one after another so concurrent messages never overwrite each other's state", async () => {
    const conversations = new InMemoryConversationStore();
    // A feature that reads, waits (as a database call would), then writes: the classic lost-update shape.
    const counter: Feature = {
      name: "counter",
      handle: async (t) => {
        const n = Number(t.state.n ?? 0);
        await new Promise((r) => setTimeout(r, 5));
        t.state.n = n + 1;
        return { kind: "answer", text: String(n + 1), sources: [], confidence: 1 };
      },
    };
    const assistant = createAssistant({ features: [counter], conversations, learnerIdFor, templates: testTemplates });
    const replies = await Promise.all([1, 2, 3].map(() => assistant.handle({ channel: "web", userId: "same", text: "x" })));
    expect(replies.map((r) => r.text).sort()).toEqual(["1", "2", "3"]);
    expect((await conversations.get("L:web:same"))?.n).toBe(3);
    // Different learners are not held up by each other.
    const other = await Promise.all(["a", "b"].map((u) => assistant.handle({ channel: "web", userId: u, text: "x" })));
    expect(other.map((r) => r.text)).toEqual(["1", "1"]);
  });

  it("NFC-normalises the text features see", async () => {
    let got = "";
    const f: Feature = { name: "f", handle: async (t) => { got = t.text; return undefined; } };
    const assistant = createAssistant({ features: [f], conversations: new InMemoryConversationStore(), learnerIdFor, templates: testTemplates });
    await assistant.handle({ channel: "web", userId: "u", text: "Tie\u0302\u0301p" }); // decomposed "Tiếp"
    expect(got).toBe("Tiếp".normalize("NFC"));
    expect(got.length).toBe(4);
  });

  it("answers empty text without an action with help, without touching features", async () => {
    const f: Feature = { name: "f", handle: async () => { throw new Error("must not run"); } };
    const assistant = createAssistant({ features: [f], conversations: new InMemoryConversationStore(), learnerIdFor, templates: testTemplates });
    const reply = await assistant.handle({ channel: "web", userId: "u", text: "   " });
    expect(reply.kind).toBe("help");
    expect(reply.text).toBe(testTemplates.help);
  });

  it("turns a failing feature or store into the polite error reply and logs it", async () => {
    const errors: unknown[] = [];
    const logger = { info() {}, warn() {}, debug() {}, error: (o: unknown) => errors.push(o), child() { return logger; } };
    const boom: Feature = { name: "boom", handle: async () => { throw new Error("db down"); } };
    const assistant = createAssistant({ features: [boom], conversations: new InMemoryConversationStore(), learnerIdFor, templates: testTemplates, logger });
    const reply = await assistant.handle({ channel: "web", userId: "u", text: "hỏi" });
    expect(reply).toMatchObject({ kind: "error", text: testTemplates.error });
    expect(errors).toHaveLength(1);
  });

  it("loads state keyed by the opaque learner id and saves it once, only when changed", async () => {
    const store = new InMemoryConversationStore();
    const counter: Feature = {
      name: "counter",
      handle: async (t) => {
        if (t.text === "count") t.state.n = ((t.state.n as number | undefined) ?? 0) + 1;
        return { kind: "info", text: String(t.state.n ?? 0), sources: [], confidence: 1 };
      },
    };
    const assistant = createAssistant({ features: [counter], conversations: store, learnerIdFor, templates: testTemplates });
    await assistant.handle({ channel: "web", userId: "u", text: "count" });
    const second = await assistant.handle({ channel: "web", userId: "u", text: "count" });
    expect(second.text).toBe("2");
    expect(store.sets).toBe(2);
    await assistant.handle({ channel: "web", userId: "u", text: "read only" });
    expect(store.sets).toBe(2);
    expect([...store.data.keys()]).toEqual(["L:web:u"]);
  });
});
