import { describe, expect, it } from "vitest";
import { buildTestAssistant } from "../../../fakes/test-assistant.js";

// "tải mã" half-matches three lessons of the fixture chunks (install VNeID, OTP, submitting a dossier): under the
// answer threshold, above the clarify floor.
const options = { threshold: 0.5, clarifyFloor: 0.1 };
const vague = "tải mã";

describe("which-one-did-you-mean choices", () => {
  it("offers the best section of up to three lessons as numbered buttons, and logs the question", async () => {
    const { say, unanswered } = buildTestAssistant(options);
    const reply = await say(vague);
    expect(reply.kind).toBe("info");
    expect(reply.buttons?.map((b) => b.action)).toEqual(["c:0", "c:1", "c:2"]);
    expect(reply.text).toContain("[clarify]");
    expect(reply.text).toContain("2. Mã OTP là gì? (Mã OTP và mật khẩu)");
    expect(reply.sources).toEqual([]);
    expect((await unanswered.top(5))[0]).toMatchObject({ text: "tải mã", reason: "low_confidence", count: 1 });
  });

  it("answers the section the learner taps, with its source", async () => {
    const { say, tap } = buildTestAssistant(options);
    await say(vague);
    const reply = await tap("c:1");
    expect(reply.kind).not.toBe("refusal");
    expect(reply.sources[0]).toMatchObject({ id: "safety-ma-otp", section: "Mã OTP là gì?" });
    expect(reply.confidence).toBe(1);
  });

  it("accepts a typed number, with or without 'số'", async () => {
    for (const typed of ["2", "số 2", "so 2"]) {
      const { say } = buildTestAssistant(options);
      await say(vague);
      expect((await say(typed)).sources[0]?.id).toBe("safety-ma-otp");
    }
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

  it("refuses as before when no clarify floor is configured", async () => {
    const { say } = buildTestAssistant({ threshold: 0.5 });
    expect((await say(vague)).kind).toBe("refusal");
  });
});
