import { describe, expect, it } from "vitest";
import type { Chunk } from "../../../../src/assistant/index.js";
import { FakeChatModel } from "../../../fakes/fake-chat-model.js";
import { buildTestAssistant } from "../../../fakes/test-assistant.js";
import { allChunks, otpMeaning } from "../../../fixtures/chunks.js";
import { testTemplates } from "../../../fixtures/templates.js";

const threshold = 0.5;

describe("QA feature: extractive answers", () => {
  it("answers from the knowledge base with lead, safety line and a dated source line", async () => {
    const { say } = buildTestAssistant({ threshold });
    const reply = await say("Mã OTP là gì vậy?");
    expect(reply.kind).toBe("answer");
    expect(reply.text.startsWith("Mã OTP là \"mật khẩu dùng một lần\"")).toBe(true);
    expect(reply.text).toContain("• Ngân hàng gửi mã OTP qua tin nhắn SMS.");
    expect(reply.text).toContain("Lưu ý an toàn: Không cung cấp mã OTP cho bất kỳ ai");
    expect(reply.text).toContain("Nguồn: Mã OTP và mật khẩu – Mã OTP là gì? (cập nhật 23/11/2026)");
    expect(reply.text).not.toContain("**");
    expect(reply.sources).toEqual([
      { id: "safety-ma-otp", title: "Mã OTP và mật khẩu", section: "Mã OTP là gì?", url: otpMeaning.sourceUrl, updated: "2026-11-23" },
    ]);
    expect(reply.confidence).toBeGreaterThanOrEqual(threshold);
  });

  it("gives the same answer with diacritics, without, and abbreviated", async () => {
    const { say } = buildTestAssistant({ threshold });
    const a = await say("Mã OTP là gì?", "a");
    const b = await say("ma otp la gi", "b");
    expect(b.text).toBe(a.text);
    expect(b.sources).toEqual(a.sources);
  });

  it("never adds text that is not in the section (every answer line comes from the chunk or the source line)", async () => {
    const { say } = buildTestAssistant({ threshold });
    const reply = await say("/hoi mã OTP là gì");
    const chunkText = otpMeaning.body.replace(/\*\*/g, "").replace(/^- /gm, "• ");
    for (const line of reply.text.split("\n").filter(Boolean)) {
      if (line.startsWith("Nguồn:")) continue;
      expect(chunkText).toContain(line.replace(/^Lưu ý an toàn: /, ""));
    }
  });
});

describe("QA feature: refusals", () => {
  it.each(["Thời tiết Hà Nội hôm nay thế nào?", "xo so mien bac hom nay ve con gi", "Tôi bị đau đầu nên uống thuốc gì?"])(
    "refuses out-of-scope questions and logs them without identity: %s",
    async (text) => {
      const { say, unanswered } = buildTestAssistant({ threshold });
      const reply = await say(text, "secret-user-42");
      expect(reply).toMatchObject({ kind: "refusal", text: testTemplates.refusal, sources: [] });
      const rows = await unanswered.top(10);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ reason: "out_of_scope", count: 1 });
      expect(JSON.stringify(rows)).not.toContain("secret-user-42");
    },
  );

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

it("fixture sanity: every fixture chunk is distinct", () => {
  expect(new Set(allChunks.map((c) => c.id)).size).toBe(allChunks.length);
});
