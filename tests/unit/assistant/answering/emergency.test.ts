import { describe, expect, it } from "vitest";
import { isEmergency } from "../../../../src/assistant/answering/emergency.js";
import { createConfidenceScorer, createQaFeature, type Chunk, type Retriever, type Turn } from "../../../../src/assistant/index.js";
import { InMemoryUnansweredLog } from "../../../fakes/in-memory-stores.js";
import { testTemplates } from "../../../fixtures/templates.js";
import { UI } from "../../../../src/assistant/ui-text.js";
import { buildTestAssistant } from "../../../fakes/test-assistant.js";
import { allChunks, scamActNow, scamRecover } from "../../../fixtures/chunks.js";

describe("isEmergency", () => {
  it.each([
    "Tôi bị lừa rồi, giờ phải làm sao?",
    "bi lua roi lam sao",
    "mẹ tôi lỡ chuyển 20 triệu cho người gọi xưng ngân hàng",
    "lỡ đưa mã OTP cho người lạ",
    "tôi lỡ cài ứng dụng lạ theo hướng dẫn qua điện thoại",
    "đang bị gọi đe dọa bắt vì liên quan vụ án",
    "tài khoản vừa bị rút tiền",
  ])("sees someone in trouble now: %s", (text) => {
    expect(isEmergency(text)).toBe(true);
  });

  it.each([
    "Làm sao để không bị lừa chuyển tiền?",
    "cách nhận biết cuộc gọi lừa đảo",
    "tin nhắn trúng thưởng này có phải lừa đảo không",
    "mã OTP là gì",
    "cách chuyển tiền bằng ứng dụng ngân hàng",
  ])("does not treat prevention or plain questions as emergencies: %s", (text) => {
    expect(isEmergency(text)).toBe(false);
  });

  it("matches cues on whole syllables: 'bị hack' is a cue, 'bị hacker' is not", () => {
    expect(isEmergency("zalo của tôi bị hack")).toBe(true);
    expect(isEmergency("nghe nói bị hacker tấn công thì sao")).toBe(false);
  });
});

describe("emergencies in the QA feature", () => {
  const chunks = [...allChunks, scamActNow, scamRecover];

  it("shows the act-now section whole, first, before what the question asked about", async () => {
    const { say } = buildTestAssistant({ threshold: 0.3, chunks });
    const reply = await say("tôi lỡ chuyển tiền cho kẻ lừa đảo, lấy lại tiền đã chuyển được không");
    expect(reply.kind).toBe("answer");
    const steps = scamActNow.steps.map((s, i) => `${i + 1}. ${s}`).join("\n");
    expect(reply.text.startsWith(steps)).toBe(true);
    expect(reply.sources[0]).toMatchObject({ id: "safety-bi-lua", section: scamActNow.section });
    expect(reply.text).toContain(`Nguồn: Khi đã bị lừa – ${scamActNow.section} (cập nhật 20/11/2026)`);
  });

  it("pins the act-now section even when the search ranks another section of the lesson first", async () => {
    const { say, retriever } = buildTestAssistant({ threshold: 0.1, chunks: [...allChunks, scamActNow, scamRecover] });
    const message = "lỡ chuyển tiền rồi, lấy lại tiền đã chuyển";
    const ranked = (await retriever.search(message, 5)).map((h) => h.chunk.id);
    expect(ranked[0]).toBe(scamRecover.id);
    const reply = await say(message);
    expect(reply.text.startsWith(`1. ${scamActNow.steps[0]}`)).toBe(true);
  });

  it("answers a prevention question normally (no act-now steps pinned first)", async () => {
    const { say } = buildTestAssistant({ threshold: 0.3, chunks });
    const reply = await say("lấy lại tiền đã chuyển cho kẻ lừa đảo được không");
    expect(reply.kind).toBe("answer");
    expect(reply.sources[0]).toMatchObject({ section: scamRecover.section });
    expect(reply.text.startsWith("Lấy lại tiền đã chuyển rất khó")).toBe(true);
    expect(reply.text).not.toContain(UI.stepOffer(true));
  });

  it("takes the act-now section from all sections when the search returns none", async () => {
    const sections: Chunk[] = [...allChunks, scamActNow, scamRecover];
    // A search that only ever finds the money-back section, with a calibrated confidence.
    const retriever: Retriever = { search: async () => [{ chunk: scamRecover, score: 1, confidence: 0.9 }] };
    const make = (withSections: boolean) =>
      createQaFeature({
        retriever,
        scorer: createConfidenceScorer(sections),
        templates: testTemplates,
        unanswered: new InMemoryUnansweredLog(),
        threshold: 0.3,
        ...(withSections ? { sections } : {}),
      });
    const question = "bị lừa rồi, lấy lại tiền đã chuyển thế nào";
    const turn = (): Turn => ({ message: { channel: "web", userId: "u", text: question }, learnerId: "l", text: question, now: new Date(), state: {} });
    const pinned = await make(true).ask(turn(), question);
    expect(pinned.text.startsWith(`1. ${scamActNow.steps[0]}`)).toBe(true);
    expect(pinned.sources[0]?.section).toBe(scamActNow.section);
    // Without the sections (a minimal set-up) there is nothing to pin: the best section answers alone.
    const plain = await make(false).ask(turn(), question);
    expect(plain.text.startsWith("Lấy lại tiền đã chuyển rất khó")).toBe(true);
    expect(plain.text).not.toContain(scamActNow.steps[0]);
  });
});
