import { describe, expect, it } from "vitest";
import { missingSubjects, subjectsIn } from "../../../../src/assistant/answering/subjects.js";
import { buildTestAssistant } from "../../../fakes/test-assistant.js";
import { installVneid } from "../../../fixtures/chunks.js";

describe("subjects named in a question", () => {
  it("finds apps and services with or without diacritics", () => {
    expect(subjectsIn("quên mật khẩu ngân hàng")).toEqual(["bank"]);
    expect(subjectsIn("quen mat khau ngan hang")).toEqual(["bank"]);
    expect(subjectsIn("zalo bi hack")).toEqual(["zalo"]);
    expect(subjectsIn("mã otp là gì")).toEqual([]);
  });

  it("reports a subject the section never mentions, and none when it does", () => {
    expect(missingSubjects("tải ứng dụng ngân hàng ở đâu", installVneid)).toEqual(["bank"]);
    expect(missingSubjects("tải vneid ở đâu", installVneid)).toEqual([]);
    expect(missingSubjects("tải ứng dụng ở đâu", installVneid)).toEqual([]);
  });

  it("never answers a question about one app with another app's section: it prefers a lower hit that names it", async () => {
    const { say, retriever } = buildTestAssistant({ threshold: 0.3, clarifyFloor: 0.1 });
    const onTopic = await say("tải ứng dụng VNeID ở đâu");
    expect(onTopic.sources[0]?.id).toBe("vneid-cai-dat");
    const offTopic = await say("tải ứng dụng ngân hàng ở đâu", "u2");
    // The install section ranks first on shared words but never names a bank; the OTP section does.
    expect((await retriever.search("tải ứng dụng ngân hàng ở đâu", 5))[0]?.chunk.id).toBe(installVneid.id);
    expect(offTopic.kind).toBe("answer");
    expect(offTopic.sources.map((s) => s.id)).toEqual(["safety-ma-otp"]);
    expect(offTopic.text).not.toContain(installVneid.lead);
  });

  it("settles for a section covering some of the apps named, and refuses when none covers any", async () => {
    const { say, unanswered } = buildTestAssistant({ threshold: 0.3, clarifyFloor: 0.1 });
    const some = await say("tải zalo và vneid ở đâu", "a");
    expect(some.kind).toBe("answer");
    expect(some.sources[0]?.id).toBe("vneid-cai-dat");
    const none = await say("tải zalo ở đâu", "b");
    expect(none.kind).toBe("refusal");
    expect(none.sources).toEqual([]);
    expect(await unanswered.top(5)).toMatchObject([{ reason: "low_confidence", count: 1 }]);
  });
});
