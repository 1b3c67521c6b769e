import { describe, expect, it } from "vitest";
import { createAssistant } from "../../../../src/assistant/assistant.js";
import { createLearning } from "../../../../src/assistant/learning/index.js";
import { optionOrder, parseTypedAnswer, isPassing } from "../../../../src/assistant/learning/quiz-engine.js";
import type { LearningStore } from "../../../../src/assistant/learning/index.js";
import type { ConversationState } from "../../../../src/assistant/ports.js";
import type { IncomingMessage } from "../../../../src/assistant/types.js";
import { openSqlite } from "../../../../src/storage/sqlite/database.js";
import { createSqliteLearningStore } from "../../../../src/storage/sqlite/learning-store.js";
import { LESSONS, PATHS } from "../../../fixtures/learning/lessons.js";

function setup(store: LearningStore = createSqliteLearningStore(openSqlite(":memory:"))) {
  let id = 0;
  const clock = { now: new Date("2026-11-23T03:00:00.000Z") };
  const learning = createLearning({
    store, lessons: LESSONS, corePaths: PATHS, homePage: "https://troly.so", quiz: { passPercent: 80, maxAttempts: 2 },
    learnerIdSecret: "secret-secret-secret-secret-secret", clock: () => clock.now,
    newId: () => `00000000-0000-4000-8000-${String(++id).padStart(12, "0")}`, newCode: () => "12345678",
  });
  const states = new Map<string, ConversationState>();
  const assistant = createAssistant({
    features: learning.features,
    conversations: { get: async (k) => states.get(k), set: async (k, s) => void states.set(k, s) },
    learnerIdFor: learning.learnerIdFor, templates: { help: "HELP", error: "ERROR" },
  });
  const say = (m: Partial<IncomingMessage>) => assistant.handle({ channel: "zalo", userId: "7", ...m });
  const sayOn = (channel: IncomingMessage["channel"], userId: string, m: Partial<IncomingMessage>) => assistant.handle({ channel, userId, ...m });
  const advance = (minutes: number) => void (clock.now = new Date(clock.now.getTime() + minutes * 60_000));
  return { store, learning, say, sayOn, advance };
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

  it("limits wrong link codes (persisted) and lets codes expire after 10 minutes", async () => {
    const store = createSqliteLearningStore(openSqlite(":memory:"));
    const a = setup(store);
    await a.say({ text: "/lienket" }); // Zalo issues 12345678
    for (let i = 0; i < 4; i++) expect((await a.sayOn("telegram", "99", { text: `/lienket 0000000${i}` })).text).toContain("không đúng hoặc đã hết hạn");
    expect((await a.sayOn("telegram", "99", { text: "/lienket 00000009" })).text).toContain("chờ khoảng 1 tiếng");
    // A restart (new instance on the same store) keeps the count, and even the right code now waits.
    const b = setup(store);
    expect((await b.sayOn("telegram", "99", { text: "/lienket 12345678" })).text).toContain("chờ khoảng 1 tiếng");
    expect(await b.learning.learnerIdFor({ channel: "telegram", userId: "99" })).not.toBe(await b.learning.learnerIdFor({ channel: "zalo", userId: "7" }));
    // Another account is not affected by this one's failures.
    expect((await b.sayOn("telegram", "55", { text: "/lienket 00000001" })).text).toContain("không đúng hoặc đã hết hạn");
    // After the hour the account may try again; the code issued 61 minutes ago has expired by then.
    b.advance(61);
    expect((await b.sayOn("telegram", "99", { text: "/lienket 12345678" })).text).toContain("không đúng hoặc đã hết hạn");
    expect((await b.say({ text: "/lienket" })).text).toContain("trong 10 phút");
    b.advance(11);
    expect((await b.sayOn("telegram", "99", { text: "/lienket 12345678" })).text).toContain("không đúng hoặc đã hết hạn");
    await b.say({ text: "/lienket" });
    b.advance(9);
    expect((await b.sayOn("telegram", "99", { text: "/lienket 12345678" })).text).toContain("Đã liên kết");
  });

  it("keeps the progress a second account already had when it is linked", async () => {
    const { store, learning, sayOn } = setup();
    // Telegram: consents, passes l-one.
    await sayOn("telegram", "99", { action: "ob:yes" });
    let r = await sayOn("telegram", "99", { action: "qz:s:l-one" });
    for (let i = 0; i < 3; i++) r = await sayOn("telegram", "99", { action: `${r.quiz!.answerActionPrefix}${r.quiz!.correctIndex}` });
    expect(r.text).toContain("ĐẠT");
    const tg = await learning.learnerIdFor({ channel: "telegram", userId: "99" });
    // Zalo: consents, passes nothing yet, issues the code; Telegram redeems it.
    await sayOn("zalo", "7", { action: "ob:yes" });
    expect((await sayOn("zalo", "7", { text: "/tiendo" })).text).not.toContain("Đã đạt");
    await sayOn("zalo", "7", { text: "/lienket" });
    expect((await sayOn("telegram", "99", { text: "/lienket 12345678" })).text).toContain("Đã liên kết");
    const zalo = await learning.learnerIdFor({ channel: "zalo", userId: "7" });
    expect(await learning.learnerIdFor({ channel: "telegram", userId: "99" })).toBe(zalo);
    // Both apps now show Telegram's earlier pass; the evidence still names the Telegram actor.
    for (const [ch, id] of [["zalo", "7"], ["telegram", "99"]] as const) {
      expect((await sayOn(ch, id, { text: "/tiendo" })).text).toContain("Đã đạt 1 bài kiểm tra");
    }
    const passed = (await store.queryStatements({ limit: 50, verb: "http://adlnet.gov/expapi/verbs/passed" })).map((s) => s.statement.actor.account.name);
    expect(passed).toEqual([tg]);
    const facts = await store.reportFacts("2026-09-30T17:00:00.000Z", "2026-12-31T17:00:00.000Z");
    expect(facts.profiles.map((p) => p.learnerId)).toEqual([zalo]);
  });
});
