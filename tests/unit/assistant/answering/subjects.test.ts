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

  it("never answers a question about one app with another app's section", async () => {
    const { say } = buildTestAssistant({ threshold: 0.3, clarifyFloor: 0.1 });
    const onTopic = await say("tải ứng dụng VNeID ở đâu");
    expect(onTopic.sources[0]?.id).toBe("vneid-cai-dat");
    const offTopic = await say("tải ứng dụng ngân hàng ở đâu", "u2");
    expect(offTopic.sources.map((s) => s.id)).not.toContain("vneid-cai-dat");
    expect(offTopic.kind === "refusal" || offTopic.kind === "info").toBe(true);
  });
});
