import { describe, expect, it } from "vitest";
import { parseLesson } from "../../../src/curriculum/parse.js";
import { lessonText } from "../../fixtures/lesson-text.js";

describe("parseLesson", () => {
  it("parses front matter, summary, sections, steps, safety note and questions", () => {
    const { lesson, problems } = parseLesson(lessonText(), "vneid/vneid-cai-dat.md");
    expect(problems).toEqual([]);
    expect(lesson?.id).toBe("vneid-cai-dat");
    expect(lesson?.summary).toBe("Bài này hướng dẫn cài ứng dụng an toàn.");
    expect(lesson?.sections.map((s) => s.heading)).toEqual(["Tải ứng dụng ở đâu?", "Ứng dụng có mất phí không?"]);
    const first = lesson!.sections[0]!;
    expect(first.lead).toBe("Chỉ tải từ kho ứng dụng chính thức.");
    expect(first.steps).toEqual(['Mở "CH Play".', "Gõ tên ứng dụng vào ô tìm kiếm.", 'Bấm "Cài đặt".']);
    expect(first.safetyNote).toBe("Không bấm vào đường link lạ. Không bao giờ cung cấp mã OTP cho ai.");
    expect(first.questions).toEqual(["tải ứng dụng ở đâu", "tai ung dung o dau", "tai app o dau v", "muốn cài app thì lấy ở chỗ nào"]);
    expect(first.body).not.toContain("questions");
    expect(first.slug).toBe("tai-ung-dung-o-dau");
    expect(lesson!.sections[1]!.links).toEqual(["vneid-bai-khac"]);
    expect(lesson!.quiz[2]!.answer).toBe(1);
    expect(lesson!.sources[0]!.checked).toBe("2026-11-20");
  });

  it("reports a missing source list with the line of the key", () => {
    const text = lessonText().replace(/sources:\n(  .*\n)+/, "sources: []\n");
    const { lesson, problems } = parseLesson(text, "x.md");
    expect(lesson).toBeUndefined();
    expect(problems[0]?.message).toMatch(/sources.*at least one source/);
    expect(problems[0]?.line).toBe(11);
  });

  it("rejects quiz items over Telegram's limits and bad answer indexes", () => {
    const quiz = `quiz:
  - question: ${"a".repeat(301)}
    options: [x, y, z]
    answer: 0
    explanation: ok
  - question: q
    options: [x, y, z]
    answer: 3
    explanation: ok
  - question: q
    options: [x, y]
    answer: 0
    explanation: ok`;
    const { problems } = parseLesson(lessonText({ quiz }), "x.md");
    const messages = problems.map((p) => p.message).join("\n");
    expect(messages).toMatch(/longer than 300/);
    expect(messages).toMatch(/answer index is outside/);
    expect(messages).toMatch(/3 or 4 options/);
  });

  it("requires a reason for time-sensitive lessons", () => {
    const { problems } = parseLesson(lessonText({ frontMatterExtra: "time_sensitive: true" }), "x.md");
    expect(problems.map((p) => p.message).join()).toMatch(/time_sensitive_reason/);
  });

  it("reports broken YAML with a line number instead of throwing", () => {
    const { lesson, problems } = parseLesson("---\nid: [unclosed\n---\nbody", "x.md");
    expect(lesson).toBeUndefined();
    expect(problems[0]?.message).toMatch(/not valid YAML/);
  });

  it("keeps bullet items of a lead on their own lines and joins wrapped lines", () => {
    const body = "Tóm tắt.\n\n## Hai cấp là gì?\n\nChỉ còn hai cấp:\n- Cấp tỉnh gồm\n  các tỉnh.\n- Cấp xã.\n\n<!-- questions\n- a\n- b\n- c\n-->\n";
    const { lesson } = parseLesson(lessonText({ body }), "x.md");
    expect(lesson?.sections[0]?.lead).toBe("Chỉ còn hai cấp:\n- Cấp tỉnh gồm các tỉnh.\n- Cấp xã.");
  });

  it("marks the section with an <!-- act-now --> line as the emergency steps, and keeps the marker out of its text", () => {
    const body =
      "Tóm tắt.\n\n## Lỡ chuyển tiền cho kẻ gian: làm ngay\n\n<!-- act-now -->\n\n1. Gọi ngay tổng đài ngân hàng.\n2. Báo công an nơi gần nhất.\n\n" +
      "<!-- questions\n- a\n- b\n- c\n- d\n-->\n\n## Vì sao kẻ gian lừa được?\n\nChúng giả danh người quen.\n\n<!-- questions\n- a\n- b\n- c\n- d\n-->\n";
    const { lesson } = parseLesson(lessonText({ body }), "x.md");
    const [actNow, other] = lesson?.sections ?? [];
    expect(actNow?.actNow).toBe(true);
    expect(actNow?.steps).toEqual(["Gọi ngay tổng đài ngân hàng.", "Báo công an nơi gần nhất."]);
    expect(actNow?.body).not.toContain("act-now");
    expect(other?.actNow).toBeUndefined();
  });

  it("reports empty sections and unclosed questions blocks", () => {
    const body = "Tóm tắt.\n\n## Trống\n\n## Có nội dung\n\nCâu trả lời.\n\n<!-- questions\n- a\n";
    const { problems } = parseLesson(lessonText({ body }), "x.md");
    const messages = problems.map((p) => p.message);
    expect(messages).toContain('section "Trống" is empty');
    expect(messages).toContain("questions block is not closed with '-->'");
  });
});
