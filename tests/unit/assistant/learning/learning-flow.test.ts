import { describe, expect, it } from "vitest";
import { createAssistant } from "../../../../src/assistant/assistant.js";
import { createLearning } from "../../../../src/assistant/learning/index.js";
import { optionOrder, parseTypedAnswer, isPassing } from "../../../../src/assistant/learning/quiz-engine.js";
import type { ConversationState } from "../../../../src/assistant/ports.js";
import type { IncomingMessage } from "../../../../src/assistant/types.js";
import { openSqlite } from "../../../../src/storage/sqlite/database.js";
import { createSqliteLearningStore } from "../../../../src/storage/sqlite/learning-store.js";
import { LESSONS, PATHS } from "../../../fixtures/learning/lessons.js";

function setup() {
  const store = createSqliteLearningStore(openSqlite(":memory:"), { outbox: false });
  let id = 0;
  const learning = createLearning({
    store, lessons: LESSONS, corePaths: PATHS, homePage: "https://troly.so", quiz: { passPercent: 80, maxAttempts: 2 },
    learnerIdSecret: "secret-secret-secret-secret-secret", clock: () => new Date("2026-11-23T03:00:00.000Z"),
    newId: () => `00000000-0000-4000-8000-${String(++id).padStart(12, "0")}`, newCode: () => "12345678",
  });
  const states = new Map<string, ConversationState>();
  const assistant = createAssistant({
    features: learning.features,
    conversations: { get: async (k) => states.get(k), set: async (k, s) => void states.set(k, s) },
    learnerIdFor: learning.learnerIdFor, templates: { help: "HELP", error: "ERROR" },
  });
  const say = (m: Partial<IncomingMessage>) => assistant.handle({ channel: "zalo", userId: "7", ...m });
  return { store, learning, say };
}

describe("quiz engine", () => {
  it("shuffles deterministically per attempt and question", () => {
    expect(optionOrder("a", 0, 4)).toEqual(optionOrder("a", 0, 4));
    expect([...optionOrder("a", 0, 4)].sort()).toEqual([0, 1, 2, 3]);
    const orders = new Set(Array.from({ length: 20 }, (_, i) => optionOrder(`x${i}`, 0, 4).join("")));
    expect(orders.size).toBeGreaterThan(3);
  });
  it("reads typed answers and applies the pass mark", () => {
    expect(parseTypedAnswer("2", 3)).toBe(1);
    expect(parseTypedAnswer("B", 3)).toBe(1);
    expect(parseTypedAnswer("câu 3", 3)).toBe(2);
    expect(parseTypedAnswer("4", 3)).toBeUndefined();
    expect(isPassing(4, 5, 80)).toBe(true);
    expect(isPassing(2, 3, 80)).toBe(false);
  });
});

describe("learning conversation", () => {
  it("asks consent first, stores nothing on refusal, then runs lesson → quiz → progress", async () => {
    const { store, learning, say } = setup();
    const first = await say({ text: "/baihoc" });
    expect(first.text).toContain("Bạn có đồng ý không?");
    await say({ action: "ob:no" });
    const learnerId = await learning.learnerIdFor({ channel: "zalo", userId: "7" });
    expect(await store.getProfile(learnerId)).toBeUndefined();
    expect((await say({ text: "/baihoc" })).buttons?.length).toBeGreaterThan(0);
    await say({ text: "/hoso" });
    await say({ text: "1" }); // "Đồng ý" from the numbered menu
    expect(await store.getProfile(learnerId)).toBeDefined();

    const open = await say({ action: "ls:o:l-one" });
    expect(open.text).toContain("Phần 1/3");
    await say({ text: "tiếp" });
    const last = await say({ text: "tiep" });
    expect(last.buttons?.[0]?.action).toBe("qz:s:l-one");
    expect((await store.learnerProgress(learnerId)).completed).toEqual(["l-one"]);

    let r = await say({ action: "qz:s:l-one" });
    for (let i = 0; i < 3; i++) r = await say({ text: String((r.quiz?.correctIndex ?? 0) + 1) });
    expect(r.text).toContain("ĐẠT");
    const progress = await say({ text: "/tiendo" });
    expect(progress.text).toContain("Đã đạt 1 bài kiểm tra");
    const suggest = await say({ action: "pg:s" });
    expect(suggest.buttons?.[0]?.action).toBe("ls:o:l-two");
    // Not ours: a plain question falls through to the next feature.
    expect((await say({ text: "cách cài vneid" })).text).toBe("HELP");
  });

  it("enforces max attempts and links a second account with a one-time code", async () => {
    const { learning, say } = setup();
    await say({ action: "ob:yes" });
    for (let a = 0; a < 2; a++) {
      let r = await say({ action: "qz:s:l-two" });
      for (let i = 0; i < 3; i++) r = await say({ action: `${r.quiz!.answerActionPrefix}${(r.quiz!.correctIndex + 1) % 3}` });
      expect(r.text).toContain("Cần đúng từ 80%");
    }
    expect((await say({ action: "qz:s:l-two" })).text).toContain("số lần tối đa");
    const code = await say({ text: "/lienket" });
    expect(code.text).toContain("12345678");
    const linked = await learning.learnerIdFor({ channel: "telegram", userId: "99" });
    await learning.features[0]!.handle({ message: { channel: "telegram", userId: "99", text: "/lienket 12345678" }, learnerId: linked, text: "/lienket 12345678", now: new Date(), state: {} });
    expect(await learning.learnerIdFor({ channel: "telegram", userId: "99" })).toBe(await learning.learnerIdFor({ channel: "zalo", userId: "7" }));
  });
});
