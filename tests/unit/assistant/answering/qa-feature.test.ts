import { describe, expect, it } from "vitest";
import type { Chunk } from "../../../../src/assistant/index.js";
import { UI } from "../../../../src/assistant/ui-text.js";
import { FakeChatModel } from "../../../fakes/fake-chat-model.js";
import { FakeRetriever } from "../../../fakes/fake-retriever.js";
import { buildTestAssistant } from "../../../fakes/test-assistant.js";
import { allChunks, installVneid, otpMeaning } from "../../../fixtures/chunks.js";
import { testTemplates } from "../../../fixtures/templates.js";

const threshold = 0.5;

/** A section of another lesson that shares the question's words: the runner-up for "Mã OTP là gì?". */
const otpVsPin: Chunk = {
  ...otpMeaning,
  id: "safety-ma-pin#otp-khac-pin",
  lessonId: "safety-ma-pin",
  lessonTitle: "Mã PIN của thẻ ngân hàng",
  section: "Mã OTP khác mã PIN thế nào?",
  body: "Mã PIN do bạn tự đặt cho thẻ, còn mã OTP do ngân hàng gửi cho từng giao dịch.\n\nCả hai đều không được nói cho ai.",
  lead: "Mã PIN do bạn tự đặt cho thẻ, còn mã OTP do ngân hàng gửi cho từng giao dịch. Cả hai đều không được nói cho ai.",
  safetyNote: undefined,
  questions: ["otp khác pin", "ma pin va ma otp", "so sánh hai mã"],
};

/** A section's words as an answer shows them: bold markers dropped, "- " bullets as "• ", whitespace collapsed. */
function shownText(c: Chunk): string {
  return [c.section, c.body]
    .join("\n")
    .replace(/\*\*/g, "")
    .replace(/^- /gm, "• ")
    .replace(/\s+/g, " ");
}

/** Lines of an answer that are knowledge-base text: everything but the source line and the step offer. */
function answerLines(text: string): string[] {
  return text
    .split("\n")
    .filter(Boolean)
    .filter((l) => !l.startsWith("Nguồn:") && l !== UI.stepOffer(true) && l !== UI.stepOffer(false));
}

describe("QA feature: extractive answers", () => {
  it("answers from the knowledge base with lead, safety line and one dated source line naming the sections used", async () => {
    const { say } = buildTestAssistant({ threshold });
    const reply = await say("Mã OTP là gì vậy?");
    expect(reply.kind).toBe("answer");
    // A short section is its own best answer: shown whole, first.
    expect(reply.text.startsWith("Mã OTP là \"mật khẩu dùng một lần\"")).toBe(true);
    expect(reply.text).toContain("• Ngân hàng gửi mã OTP qua tin nhắn SMS.");
    expect(reply.text).toContain("• Mã chỉ có tác dụng khoảng 60 đến 120 giây.");
    expect(reply.text).toContain("Lưu ý an toàn: Không cung cấp mã OTP cho bất kỳ ai dưới bất kỳ hình thức nào.");
    expect(reply.text).not.toContain("**");
    expect(reply.sources[0]).toEqual({
      id: "safety-ma-otp",
      title: "Mã OTP và mật khẩu",
      section: "Mã OTP là gì?",
      url: otpMeaning.sourceUrl,
      updated: "2026-11-23",
    });
    const sourceLines = reply.text.split("\n").filter((l) => l.startsWith("Nguồn:"));
    expect(sourceLines).toEqual([UI.sourcesLine(reply.sources)]);
    expect(sourceLines[0]).toMatch(/^Nguồn: Mã OTP và mật khẩu – Mã OTP là gì\? \(cập nhật 23\/11\/2026\)/);
    // Not a procedure: no step offer, no buttons, no step state waiting.
    expect(reply.text).not.toContain(UI.stepOffer(true));
    expect(reply.buttons).toBeUndefined();
    expect(reply.steps).toBeUndefined();
    expect(reply.confidence).toBeGreaterThanOrEqual(threshold);
  });

  it("adds a related runner-up section's opening sentence and names its lesson after 'xem thêm'", async () => {
    const { say } = buildTestAssistant({ threshold, chunks: [otpMeaning, otpVsPin] });
    const reply = await say("Mã OTP là gì vậy?");
    const [answer, source] = reply.text.split("\n\nNguồn: ");
    expect(answer?.startsWith("Mã OTP là \"mật khẩu dùng một lần\"")).toBe(true);
    // Its opening sentence only, not the whole section.
    expect(answer?.endsWith("\n\nMã PIN do bạn tự đặt cho thẻ, còn mã OTP do ngân hàng gửi cho từng giao dịch.")).toBe(true);
    expect(answer).not.toContain("Cả hai đều không được nói cho ai.");
    expect(source).toBe("Mã OTP và mật khẩu – Mã OTP là gì? (cập nhật 23/11/2026); xem thêm: Mã PIN của thẻ ngân hàng");
    expect(reply.sources.map((s) => `${s.id}#${s.section}`)).toEqual(["safety-ma-otp#Mã OTP là gì?", "safety-ma-pin#Mã OTP khác mã PIN thế nào?"]);
  });

  it("leaves out a runner-up that shares nothing with the question", async () => {
    const { say, retriever } = buildTestAssistant({ threshold, chunks: [otpMeaning, installVneid] });
    const reply = await say("Mã OTP là gì vậy?");
    expect((await retriever.search("Mã OTP là gì vậy?", 5)).map((h) => h.chunk.id)).toEqual([otpMeaning.id, installVneid.id]);
    expect(reply.text).not.toContain(installVneid.lead);
    expect(reply.sources.map((s) => s.id)).toEqual(["safety-ma-otp"]);
  });

  it("leaves the runner-up out when its opening does not fit the answer budget", async () => {
    const longOpening = `Mã OTP khác mã PIN ở ${"rất nhiều điểm nhỏ ".repeat(50)}như vậy.`;
    const wordy: Chunk = { ...otpVsPin, body: longOpening, lead: longOpening };
    const { say } = buildTestAssistant({ threshold, chunks: [otpMeaning, wordy] });
    const reply = await say("Mã OTP là gì vậy?");
    expect(longOpening.length).toBeGreaterThan(700);
    expect(reply.text).not.toContain("rất nhiều điểm nhỏ");
    expect(reply.sources.map((s) => s.id)).toEqual(["safety-ma-otp"]);
    expect(reply.text.split("\n").filter((l) => l.startsWith("Nguồn:"))).toEqual([
      "Nguồn: Mã OTP và mật khẩu – Mã OTP là gì? (cập nhật 23/11/2026)",
    ]);
  });

  it("gives the same answer with diacritics, without, and abbreviated", async () => {
    const { say } = buildTestAssistant({ threshold });
    const a = await say("Mã OTP là gì?", "a");
    const b = await say("ma otp la gi", "b");
    expect(b.text).toBe(a.text);
    expect(b.sources).toEqual(a.sources);
  });

  it.each(["/hoi mã OTP là gì", "tải ứng dụng VNeID ở đâu", "nộp hồ sơ online", "không tải được vneid", "tải mã"])(
    "never adds text that is not in a cited section (every sentence of every answer line): %s",
    async (question) => {
      const { say } = buildTestAssistant({ threshold: 0.5, clarifyFloor: 0.1 });
      const reply = await say(question);
      expect(reply.kind).toBe("answer");
      const [answer] = reply.text.split(`\n\n${UI.otherReadings}`);
      const cited = allChunks.filter((c) => reply.sources.some((s) => s.id === c.lessonId && s.section === c.section));
      expect(cited.length).toBe(reply.sources.length);
      const lines = answerLines(answer ?? "");
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) {
        const bare = line.replace(/^Lưu ý an toàn: /, "");
        for (const sentence of bare.split(/(?<=[.!?])\s+(?=\S)/)) {
          expect(cited.some((c) => shownText(c).includes(sentence)), `"${sentence}" is in no cited section`).toBe(true);
        }
      }
    },
  );
});

describe("QA feature: refusals", () => {
  it.each(["Thời tiết Hà Nội hôm nay thế nào?", "xo so mien bac hom nay ve con gi", "Tôi bị đau đầu nên uống thuốc gì?"])(
    "refuses out-of-scope questions and logs them without identity: %s",
    async (text) => {
      const { say, unanswered } = buildTestAssistant({ threshold });
      const reply = await say(text, "secret-user-42");
      expect(reply).toMatchObject({ kind: "refusal", sources: [] });
      // The reviewed refusal, with the category's line on where to go instead (scope-hints.json).
      expect(reply.text.startsWith(testTemplates.refusal)).toBe(true);
      expect(reply.text.length).toBeGreaterThan(testTemplates.refusal.length);
      const rows = await unanswered.top(10);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ reason: "out_of_scope", count: 1 });
      expect(JSON.stringify(rows)).not.toContain("secret-user-42");
    },
  );

  it("does not call the next part of a story out of scope while a topic is open, however long it is", async () => {
    const story = "họ bảo tôi phải làm ngay trong hôm nay và không được nói với ai trong nhà cả";
    const alone = await buildTestAssistant({ threshold }).say(story, "no-topic");
    expect(alone.text.startsWith(testTemplates.refusal)).toBe(true);
    const { say } = buildTestAssistant({ threshold });
    expect((await say("Tải ứng dụng VNeID ở đâu?", "with-topic")).kind).toBe("answer");
    const next = await say(story, "with-topic");
    expect(next.text.startsWith(testTemplates.refusal)).toBe(false);
  });

  it("says it is not sure below the threshold, and counts repeats", async () => {
    const { say, unanswered } = buildTestAssistant({ threshold });
    const first = await say("cách đăng ký gói cước 4G giá rẻ nhất");
    await say("cách đăng ký gói cước 4G giá rẻ nhất", "someone-else");
    expect(first.kind).toBe("refusal");
    expect(first.text).toBe(testTemplates["low-confidence"]);
    expect(first.confidence).toBeLessThan(threshold);
    expect(await unanswered.top(5)).toMatchObject([{ reason: "low_confidence", count: 2 }]);
  });

  it("replaces a section that instructs sharing an OTP with the safety refusal", async () => {
    const bad: Chunk = { ...otpMeaning, id: "bad#x", body: "Mã OTP dùng để xác minh.\n\nHãy đọc mã OTP cho nhân viên ngân hàng khi họ gọi." };
    const { say } = buildTestAssistant({ chunks: [bad], threshold: 0.1 });
    const reply = await say("mã OTP dùng để làm gì");
    expect(reply).toMatchObject({ kind: "refusal", text: testTemplates["safety-refusal"] });
  });
});

describe("QA feature: observer", () => {
  it("tells the observer about answered and refused questions", async () => {
    const events: Array<{ lessonId?: string; answered: boolean; learnerId: string }> = [];
    const { say } = buildTestAssistant({ threshold, observer: { questionAsked: async (e) => void events.push(e) } });
    await say("mã otp là gì");
    await say("xổ số hôm nay");
    expect(events.map((e) => [e.lessonId, e.answered])).toEqual([["safety-ma-otp", true], [undefined, false]]);
    expect(events[0]?.learnerId).toMatch(/^[0-9a-f]{32}$/);
  });

  it("still answers when the observer fails", async () => {
    const { say } = buildTestAssistant({ threshold, observer: { questionAsked: async () => { throw new Error("lrs down"); } } });
    expect((await say("mã otp là gì")).kind).toBe("answer");
  });
});

describe("QA feature: optional LLM phrasing", () => {
  it("uses the model's wording grounded in the section, keeping the source line", async () => {
    const model = new FakeChatModel(() => "OTP là mật khẩu dùng một lần. Không đưa mã cho ai.");
    const { say } = buildTestAssistant({ threshold, chatModel: model });
    const reply = await say("mã otp là gì");
    expect(reply.text).toMatch(/^OTP là mật khẩu dùng một lần\. Không đưa mã cho ai\.\n\nNguồn: /);
    expect(model.calls[0]?.system).toBe(testTemplates["grounded-system"]);
    expect(model.calls[0]?.user).toContain("mật khẩu dùng một lần");
  });

  it.each([
    ["fails", () => { throw new Error("timeout"); }],
    ["answers empty", () => "  "],
    ["tells the user to share the OTP", () => "Bạn hãy đọc mã OTP cho nhân viên ngân hàng."],
  ])("falls back to the extractive answer when the model %s", async (_label, respond) => {
    const { say } = buildTestAssistant({ threshold, chatModel: new FakeChatModel(respond) });
    const plain = await buildTestAssistant({ threshold }).say("mã otp là gì");
    const reply = await say("mã otp là gì");
    expect(reply.text).toBe(plain.text);
  });
});

describe("QA feature: one time budget for the whole answer", () => {
  it("gives the model at most what is left of the answer's budget", async () => {
    const model = new FakeChatModel(() => "OTP là mã dùng một lần.");
    await buildTestAssistant({ threshold, chatModel: model, answerBudgetMs: 10_000 }).say("mã otp là gì");
    expect(model.calls[0]?.timeoutMs).toBeGreaterThan(0);
    expect(model.calls[0]?.timeoutMs).toBeLessThanOrEqual(10_000);
  });

  it("skips the model when retrieval used up the budget (a slow embeddings endpoint), keeping the extractive answer", async () => {
    const model = new FakeChatModel(() => "Không nên thấy câu này.");
    const slow = (inner: FakeRetriever) => ({
      search: async (q: string, k: number) => {
        await new Promise((resolve) => setTimeout(resolve, 80)); // longer than the whole budget below
        return inner.search(q, k);
      },
      get: (id: string) => inner.get(id),
    });
    const reply = await buildTestAssistant({ threshold, chatModel: model, answerBudgetMs: 50, retriever: slow }).say("mã otp là gì");
    expect(model.calls).toHaveLength(0);
    expect(reply.text).toBe((await buildTestAssistant({ threshold }).say("mã otp là gì")).text);
  });
});

it("fixture sanity: every fixture chunk is distinct", () => {
  expect(new Set(allChunks.map((c) => c.id)).size).toBe(allChunks.length);
});
