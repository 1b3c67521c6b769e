import { testTemplates } from "../../../fixtures/templates.js";
import { describe, expect, it } from "vitest";
import { createConversationFeature, createWhatFollows, type Chunk, type Reply, type Turn } from "../../../../src/assistant/index.js";
import { UI } from "../../../../src/assistant/ui-text.js";
import { buildTestAssistant } from "../../../fakes/test-assistant.js";
import { allChunks, installVneid, otpMeaning, registerLevel1, vneidAfterInstall } from "../../../fixtures/chunks.js";

const threshold = 0.5;
const chunks = [...allChunks, vneidAfterInstall, registerLevel1];
const nextLesson = { "vneid-cai-dat": "vneid-dang-ky" };
const build = (options: { now?: () => Date } = {}) => buildTestAssistant({ threshold, chunks, nextLesson, ...options });

describe("conversation feature in the assistant", () => {
  it("thanks kindly, never repeating the previous answer, and offers what follows the last topic", async () => {
    const { say, tap, retriever } = build();
    const answer = await say("Cài xong thì làm gì tiếp?");
    expect(answer.sources[0]?.section).toBe(vneidAfterInstall.section);
    const searches = retriever.queries.length;
    const thanks = await say("cảm ơn con nhiều");
    expect(thanks.kind).toBe("info");
    expect(thanks.text).toBe(`${UI.welcome} ${UI.offerNext(registerLevel1.section)}`);
    expect(thanks.text).not.toContain(vneidAfterInstall.lead);
    expect(thanks.sources).toEqual([]);
    expect(thanks.buttons).toEqual([{ label: registerLevel1.section, action: "w:next" }]);
    // Small talk never reaches the search.
    expect(retriever.queries.length).toBe(searches);
    const next = await tap("w:next");
    expect(next.kind).toBe("answer");
    expect(next.sources[0]).toMatchObject({ id: "vneid-dang-ky", section: registerLevel1.section });
  });

  it("opens the offered section on a typed 'tiếp'", async () => {
    const { say } = build();
    await say("Cài xong thì làm gì tiếp?");
    await say("cảm ơn con");
    const next = await say("tiếp");
    expect(next.kind).toBe("answer");
    expect(next.sources[0]?.section).toBe(registerLevel1.section);
  });

  it("answers 'làm xong rồi thì sao' with the section that follows, without searching for the words", async () => {
    const { say, tap, retriever } = build();
    await say("tải ứng dụng VNeID ở đâu");
    for (let i = 0; i < 3; i++) await tap("s:next");
    const searches = retriever.queries.length;
    const next = await say("làm xong rồi thì sao nữa");
    expect(next.kind).toBe("answer");
    expect(next.sources[0]).toMatchObject({ id: "vneid-cai-dat", section: vneidAfterInstall.section });
    expect(retriever.queries.length).toBe(searches);
    // And from there, the next lesson of the path.
    const after = await say("tiếp theo làm gì");
    expect(after.sources[0]).toMatchObject({ id: "vneid-dang-ky", section: registerLevel1.section });
  });

  it("with no topic: a short kind reply and what the learner can do, no buttons", async () => {
    const { say, retriever } = build();
    for (const [text, expected] of [
      ["cảm ơn con", testTemplates.thanks],
      ["alo alo", `${UI.hello} ${UI.askAnything}`],
      ["xong rồi", `${UI.noted} ${UI.askAnything}`],
      ["tiếp", `${UI.noted} ${UI.askAnything}`],
    ] as const) {
      const reply = await say(text);
      expect(reply).toMatchObject({ kind: "info", text: expected, sources: [] });
      expect(reply.buttons).toBeUndefined();
    }
    expect(retriever.queries).toEqual([]);
  });

  it("says goodbye without offering anything", async () => {
    const { say } = build();
    await say("mã otp là gì");
    const bye = await say("tạm biệt nhé");
    expect(bye.kind).toBe("info");
    expect(bye.text.startsWith(UI.goodbye)).toBe(true);
    expect(bye.text).not.toContain(UI.offerNext("").slice(0, 20));
    expect(bye.buttons).toBeUndefined();
  });

  it("says there is nothing next for a 'w:next' button with nothing to open", async () => {
    const { tap } = build();
    expect(await tap("w:next")).toMatchObject({ kind: "info", text: UI.nothingNext });
  });

  it("forgets the topic after 30 minutes: thanks without an offer", async () => {
    let now = new Date("2026-11-23T08:00:00Z");
    const { say } = build({ now: () => now });
    await say("Cài xong thì làm gì tiếp?");
    now = new Date("2026-11-23T09:00:00Z");
    expect((await say("cảm ơn con")).text).toBe(testTemplates.thanks);
  });
});

describe("conversation feature alone", () => {
  const whatFollows = createWhatFollows(chunks, (id) => (nextLesson as Record<string, string>)[id]);
  const answered: Chunk[] = [];
  const feature = createConversationFeature({
    answerSection: async (_turn, chunk): Promise<Reply> => {
      answered.push(chunk);
      return { kind: "answer", text: chunk.section, sources: [], confidence: 1 };
    },
    section: (id) => chunks.find((c) => c.id === id),
    whatFollows,
    thanks: "[thanks]",
  });
  const turn = (text: string, state: Record<string, unknown> = {}, action?: string): Turn => ({
    message: { channel: "web", userId: "u", text, ...(action ? { action } : {}) },
    learnerId: "l",
    text,
    now: new Date("2026-11-23T08:00:00Z"),
    state,
  });
  const topicOn = (c: Chunk) => ({ topic: { chunkId: c.id, lessonId: c.lessonId, lessonTitle: c.lessonTitle, section: c.section, at: "2026-11-23T07:59:00Z" } });

  it("leaves questions, other buttons and 'what next' without a topic to the other features", async () => {
    expect(await feature.handle(turn("cách cài vneid"))).toBeUndefined();
    expect(await feature.handle(turn("", {}, "s:next"))).toBeUndefined();
    expect(await feature.handle(turn("làm xong rồi thì sao"))).toBeUndefined();
    expect(answered).toEqual([]);
  });

  it("stores the offered section so the button opens it, and clears it once opened", async () => {
    const state: Record<string, unknown> = topicOn(otpMeaning);
    // The OTP lesson has nothing after its only section and no `next:`: nothing to offer.
    expect((await feature.handle(turn("ok", state)))?.text).toBe(`${UI.noted} ${UI.askAnything}`);
    const installState: Record<string, unknown> = topicOn(installVneid);
    await feature.handle(turn("cảm ơn", installState));
    expect(installState.nextUp).toBe(vneidAfterInstall.id);
    expect((await feature.handle(turn("", installState, "w:next")))?.text).toBe(vneidAfterInstall.section);
    expect(installState.nextUp).toBeUndefined();
  });
});
