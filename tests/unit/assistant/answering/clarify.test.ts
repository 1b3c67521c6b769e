import { describe, expect, it } from "vitest";
import { UI } from "../../../../src/assistant/ui-text.js";
import { buildTestAssistant } from "../../../fakes/test-assistant.js";
import { testTemplates } from "../../../fixtures/templates.js";

// "tải mã" half-matches three lessons of the fixture chunks (submitting a dossier, OTP, install VNeID): under the
// answer threshold, above the clarify floor.
const options = { threshold: 0.5, clarifyFloor: 0.1 };
const vague = "tải mã";

describe("unsure answers: the best reading plus other readings to pick from", () => {
  it("answers with the best section and offers up to two other lessons' sections as numbered buttons, and logs the question", async () => {
    const { say, unanswered } = buildTestAssistant(options);
    const reply = await say(vague);
    expect(reply.kind).toBe("answer");
    expect(reply.confidence).toBeLessThan(options.threshold);
    expect(reply.confidence).toBeGreaterThanOrEqual(options.clarifyFloor);
    // The answer itself comes first, with its source line; the choices come after it.
    expect(reply.sources[0]).toMatchObject({ id: "dvc-nop-ho-so", section: "Nộp hồ sơ trên Cổng dịch vụ công" });
    expect(reply.text.startsWith("Bạn có thể nộp hồ sơ tại nhà qua Cổng dịch vụ công quốc gia.")).toBe(true);
    const [answer, choices] = reply.text.split(`\n\n${UI.otherReadings}\n\n`);
    expect(answer).toContain("\n\nNguồn: Nộp hồ sơ trực tuyến – Nộp hồ sơ trên Cổng dịch vụ công (cập nhật 20/11/2026)");
    expect(choices).toBe("1. Mã OTP là gì? (Mã OTP và mật khẩu)\n2. Không tải được VNeID thì làm sao? (Cài đặt ứng dụng VNeID)");
    expect(reply.buttons?.filter((b) => b.action.startsWith("c:"))).toEqual([
      { label: "1. Mã OTP là gì?", action: "c:0" },
      { label: "2. Không tải được VNeID thì làm sao?", action: "c:1" },
    ]);
    // No choices-only reply any more, and no old "which one did you mean" template.
    expect(reply.text).not.toContain(testTemplates.clarify);
    expect((await unanswered.top(5))[0]).toMatchObject({ text: "tải mã", reason: "low_confidence", count: 1 });
  });

  it("keeps the step offer of a procedure next to the choices", async () => {
    const { say } = buildTestAssistant(options);
    const reply = await say(vague);
    expect(reply.buttons?.map((b) => b.action)).toEqual(["s:next", "s:all", "c:0", "c:1"]);
    expect(reply.text).toContain(UI.stepOffer(true));
  });

  it("offers no choices when the answer is sure", async () => {
    const { say } = buildTestAssistant(options);
    const reply = await say("mã otp là gì");
    expect(reply.confidence).toBeGreaterThanOrEqual(options.threshold);
    expect(reply.text).not.toContain(UI.otherReadings);
    expect(reply.buttons ?? []).toEqual([]);
  });

  it("answers the section the learner taps, with its source", async () => {
    const { say, tap } = buildTestAssistant(options);
    await say(vague);
    const reply = await tap("c:0");
    expect(reply.kind).toBe("answer");
    expect(reply.sources[0]).toMatchObject({ id: "safety-ma-otp", section: "Mã OTP là gì?" });
    expect(reply.text.startsWith("Mã OTP là \"mật khẩu dùng một lần\"")).toBe(true);
    expect(reply.text).not.toContain(UI.otherReadings);
    expect(reply.confidence).toBe(1);
    const second = await buildTestAssistant(options);
    await second.say(vague);
    expect((await second.tap("c:1")).sources[0]).toMatchObject({ id: "vneid-cai-dat", section: "Không tải được VNeID thì làm sao?" });
  });

  it.each([
    ["1", "safety-ma-otp"],
    ["số 1", "safety-ma-otp"],
    ["2", "vneid-cai-dat"],
    ["số 2", "vneid-cai-dat"],
    ["so 2", "vneid-cai-dat"],
  ])("accepts a typed number, with or without 'số': %s", async (typed, lessonId) => {
    const { say } = buildTestAssistant(options);
    await say(vague);
    const reply = await say(typed);
    expect(reply.kind).toBe("answer");
    expect(reply.sources[0]?.id).toBe(lessonId);
  });

  it("forgets the choice once another question is asked, and says so for a stale button", async () => {
    const { say, tap } = buildTestAssistant(options);
    await say(vague);
    await say("mã otp là gì");
    const late = await say("2");
    expect(late.sources).toEqual([]);
    expect(late.kind).toBe("help");
    const stale = await tap("c:0");
    expect(stale.kind).toBe("info");
    expect(stale.text).toContain("Lựa chọn này đã cũ");
  });

  it("refuses below the clarify floor with the low-confidence template", async () => {
    const { say, unanswered } = buildTestAssistant({ threshold: 0.5, clarifyFloor: 0.45 });
    const reply = await say(vague);
    expect(reply).toMatchObject({ kind: "refusal", text: testTemplates["low-confidence"], sources: [] });
    expect(reply.confidence).toBeLessThan(0.45);
    expect(reply.buttons).toBeUndefined();
    expect((await unanswered.top(5))[0]).toMatchObject({ text: "tải mã", reason: "low_confidence", count: 1 });
  });

  it("refuses as before when no clarify floor is configured", async () => {
    const { say } = buildTestAssistant({ threshold: 0.5 });
    expect((await say(vague)).kind).toBe("refusal");
  });
});
