import { describe, expect, it } from "vitest";
import { buildTestAssistant } from "../../../fakes/test-assistant.js";

const threshold = 0.5;

describe("follow-ups", () => {
  it("reads 'còn cách khác không?' in the context of the last topic and offers another section", async () => {
    const { say, tap, retriever } = buildTestAssistant({ threshold });
    await say("tải ứng dụng VNeID ở đâu");
    await tap("s:stop");
    const reply = await say("còn cách khác không?");
    expect(reply.kind).not.toBe("refusal");
    expect(reply.sources[0]?.id).toBe("vneid-cai-dat");
    expect(reply.sources[0]?.section).toBe("Không tải được VNeID thì làm sao?");
    expect(retriever.queries.at(-1)).toContain("Tải ứng dụng VNeID ở đâu?");
  });

  it("understands a short question with no topic words after an answer, and refuses it without one", async () => {
    const fresh = buildTestAssistant({ threshold });
    expect((await fresh.say("có tốn tiền không?")).kind).toBe("refusal");

    const { say } = buildTestAssistant({ threshold });
    await say("mã otp là gì");
    const reply = await say("có tốn tiền không?");
    expect(reply.kind).not.toBe("refusal");
    expect(reply.sources[0]?.id).toBe("safety-ma-otp");
  });

  it("keeps a complete new question a new question", async () => {
    const { say } = buildTestAssistant({ threshold });
    await say("mã otp là gì");
    const reply = await say("nộp hồ sơ dịch vụ công online");
    expect(reply.sources[0]?.id).toBe("dvc-nop-ho-so");
  });

  it("forgets the topic after 30 minutes", async () => {
    let now = new Date("2026-11-23T08:00:00Z");
    const { say } = buildTestAssistant({ threshold, now: () => now });
    await say("mã otp là gì");
    now = new Date("2026-11-23T09:00:00Z");
    expect((await say("có tốn tiền không?")).kind).toBe("refusal");
  });
});
