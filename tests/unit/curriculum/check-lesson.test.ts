import { describe, expect, it } from "vitest";
import { checkLessonText, type LessonCheckContext } from "../../../src/curriculum/check-lesson.js";
import type { Problem } from "../../../src/curriculum/types.js";
import { lessonText, validBody, validQuiz } from "../../fixtures/lesson-text.js";

const FILE = "vneid/vneid-cai-dat.md";
const context: LessonCheckContext = { knownIds: new Set(["vneid-bai-khac"]), today: new Date("2026-11-23T00:00:00Z") };
/** Letters only Vietnamese has: a messageVi without any is English (or ASCII "Vietnamese") by mistake. */
const VIETNAMESE = /[ăâđêôơưạảãáàấầẩẫậắằẳẵặẹẻẽéèếềểễệịỉĩíìọỏõóòốồổỗộớờởỡợụủũúùứừửữựỵỷỹýỳ]/iu;

/** 1-based line of the first line containing `needle`, counted independently of the code under test. */
const lineOf = (text: string, needle: string) => text.split("\n").findIndex((l) => l.includes(needle)) + 1;

function check(text: string, file = FILE, ctx: LessonCheckContext = context) {
  const result = checkLessonText(text, file, ctx);
  for (const p of [...result.problems, ...result.warnings]) {
    expect(p.messageVi, p.message).toMatch(VIETNAMESE);
    expect(p.messageVi).not.toBe(p.message);
  }
  return result;
}
const find = (ps: Problem[], pattern: RegExp) => {
  const found = ps.find((p) => pattern.test(p.message));
  expect(found, `no problem matching ${pattern} in ${JSON.stringify(ps.map((p) => p.message))}`).toBeDefined();
  return found as Problem;
};

describe("checkLessonText", () => {
  it("accepts a valid lesson and returns it; its own id and knownIds resolve links", () => {
    const { lesson, problems, warnings } = check(lessonText());
    expect(problems).toEqual([]);
    expect(warnings).toEqual([]);
    expect(lesson?.id).toBe("vneid-cai-dat");
    const selfLink = lessonText({ body: validBody.replace("kb:vneid-bai-khac", "kb:vneid-cai-dat") });
    expect(check(selfLink, FILE, { ...context, knownIds: new Set() }).problems).toEqual([]);
  });

  it("reports text that is not NFC on the line that holds it", () => {
    const text = lessonText().replace("Chỉ tải từ kho", "Chỉ tải từ kho".normalize("NFD"));
    const p = find(check(text).problems, /not Unicode NFC/);
    expect(p.line).toBe(lineOf(text, "Chỉ tải từ kho".normalize("NFD")));
    expect(p.line).toBe(21); // the first decomposed line: the quiz explanation, before the body's copy of the sentence
    expect(p.messageVi).toMatch(/Unicode dựng sẵn/);
  });

  it("warns about tab characters", () => {
    expect(find(check(lessonText().replace("Chỉ tải", "\tChỉ tải")).warnings, /tab characters/).messageVi).toMatch(/dấu cách/);
  });

  it("requires the file name to be the id and the folder to be the topic", () => {
    const { problems } = check(lessonText(), "safety/ten-khac.md");
    expect(find(problems, /file name must be vneid-cai-dat\.md/).line).toBe(2);
    expect(find(problems, /must live in knowledge\/vneid\//).messageVi).toMatch(/thư mục knowledge\/vneid\//);
  });

  it("rejects updated and source dates in the future", () => {
    const text = lessonText().replace("updated: 2026-11-20", "updated: 2026-12-01").replace("checked: 2026-11-20", "checked: 2027-01-01");
    const { problems } = check(text);
    expect(find(problems, /updated date 2026-12-01 is in the future/).messageVi).toMatch(/tương lai/);
    expect(find(problems, /source checked date 2027-01-01 is in the future/).messageVi).toMatch(/ngày đọc nguồn/i);
  });

  it("checks next:, time_sensitive without review_by and a passed review_by", () => {
    const unknownNext = check(lessonText({ frontMatterExtra: "next: bai-khong-co" }));
    expect(find(unknownNext.problems, /next: bai-khong-co is not a lesson id/).messageVi).toMatch(/Bài tiếp theo/);
    expect(check(lessonText({ frontMatterExtra: "next: vneid-bai-khac" })).problems).toEqual([]);
    const sensitive = check(lessonText({ frontMatterExtra: "time_sensitive: true\ntime_sensitive_reason: Giá thay đổi" }));
    expect(find(sensitive.warnings, /without review_by/).messageVi).toMatch(/review_by/);
    const stale = check(lessonText({ frontMatterExtra: "review_by: 2026-11-01" }));
    expect(find(stale.warnings, /review_by 2026-11-01 has passed/).messageVi).toMatch(/kiểm tra lại/);
  });

  it("counts each section's questions and reports the section's heading line", () => {
    const text = lessonText({ body: validBody.replace("- tai app o dau v\n", "").replace("- mat phi ko\n", "") });
    const found = check(text).problems.filter((p) => /needs at least 4 questions/.test(p.message));
    expect(found.map((p) => p.line)).toEqual([lineOf(text, "## Tải ứng dụng ở đâu?"), lineOf(text, "## Ứng dụng có mất phí không?")]);
    expect(found[0]?.messageVi).toBe(
      "Mục “Tải ứng dụng ở đâu?” cần ít nhất 4 câu hỏi diễn đạt lại trong khối <!-- questions --> (hiện có 3): " +
        "thêm những cách người dân hay hỏi về mục này, mỗi câu một dòng bắt đầu bằng “- ”.",
    );
  });

  it("reports a kb: link to an unknown lesson on its section's line", () => {
    const text = lessonText();
    const p = find(check(text, FILE, { ...context, knownIds: new Set() }).problems, /link kb:vneid-bai-khac does not resolve/);
    expect(p.line).toBe(lineOf(text, "## Ứng dụng có mất phí không?"));
    expect(p.messageVi).toMatch(/không dẫn tới bài nào/);
  });

  it("warns about a section without a lead sentence", () => {
    const text = lessonText({ body: validBody.replace("Chỉ tải từ kho ứng dụng chính thức.\n\n", "") });
    const w = find(check(text).warnings, /has no lead sentence/);
    expect(w.line).toBe(lineOf(text, "## Tải ứng dụng ở đâu?"));
  });

  it("requires a safety note when OTP, passwords or money are mentioned", () => {
    const text = lessonText({ body: validBody.replace("**Lưu ý an toàn:** ", "") });
    const p = find(check(text).problems, /no \*\*Lưu ý an toàn:\*\* note/);
    expect(p.line).toBe(lineOf(text, "## Tải ứng dụng ở đâu?"));
    expect(p.messageVi).toMatch(/Lưu ý an toàn/);
  });

  it("finds unsafe instructions on their own lines, also with CRLF line ends", () => {
    const body = validBody.replace('3. Bấm "Cài đặt".', '3. Bấm "Cài đặt".\n4. Hãy cung cấp mã OTP cho nhân viên.\n5. Chuyển tiền vào tài khoản tạm giữ.');
    for (const text of [lessonText({ body }), lessonText({ body }).replace(/\n/g, "\r\n")]) {
      const found = check(text).problems.filter((p) => p.message.startsWith("unsafe instruction"));
      expect(found.map((p) => p.line)).toEqual([lineOf(text, "4. Hãy cung cấp"), lineOf(text, "5. Chuyển tiền")]);
      expect(found[0]?.messageVi).toMatch(/^Câu “Hãy cung cấp mã OTP cho nhân viên\.” đang bảo người đọc/);
    }
  });

  it("puts a wrapped unsafe sentence on its section's line rather than line 0", () => {
    const body = validBody.replace('3. Bấm "Cài đặt".', "3. Hãy cung cấp mã OTP\n   cho nhân viên ngân hàng khi họ gọi điện cho bạn để xác minh tài khoản.");
    const text = lessonText({ body });
    const p = find(check(text).problems, /^unsafe instruction/);
    expect(p.line).toBe(lineOf(text, "## Tải ứng dụng ở đâu?"));
    const summary = lessonText({ body: body.replace("Bài này hướng dẫn cài ứng dụng an toàn.", "Chuyển tiền cho\nngười bán trước khi nhận hàng.") });
    expect(find(check(summary).problems, /^unsafe instruction "Chuyển tiền cho người bán/).line).toBeGreaterThan(0);
  });

  it("rejects near-copies of evaluation questions", () => {
    const p = find(check(lessonText(), FILE, { ...context, evalQuestions: ["tải ứng dụng ở đâu"] }).problems, /near-copy/);
    expect(p.messageVi).toMatch(/câu hỏi đánh giá/);
  });
});

describe("checkLessonText: parse problems in Vietnamese", () => {
  it("explains a missing or unclosed front matter block and invalid YAML", () => {
    expect(check("Bài không có phần đầu.\n").problems[0]).toMatchObject({ line: 1, messageVi: expect.stringMatching(/^Dòng đầu tiên/) });
    expect(check("---\nid: x\n").problems[0]?.messageVi).toMatch(/chưa được đóng/);
    const yaml = lessonText().replace("title: Cài đặt ứng dụng đúng cách", "title: [Cài đặt");
    expect(check(yaml).problems[0]?.messageVi).toMatch(/Phần thông tin đầu bài/);
    const twice = lessonText().replace("updated: 2026-11-20", "updated: 2026-11-20\nupdated: 2026-11-21");
    expect(check(twice).problems[0]?.messageVi).toMatch(/bị viết hai lần/);
  });

  it("maps front matter issues to the field, with the key's line", () => {
    const noTitle = lessonText().replace("title: Cài đặt ứng dụng đúng cách\n", "");
    expect(check(noTitle).problems[0]?.messageVi).toMatch(/^Thiếu trường title \(tiêu đề bài\)/);
    const badDate = lessonText().replace("updated: 2026-11-20", "updated: 20/11/2026");
    expect(check(badDate).problems[0]).toMatchObject({ line: lineOf(badDate, "updated:"), messageVi: expect.stringMatching(/^Ngày phải viết dạng YYYY-MM-DD/) });
    const fewQuiz = lessonText({ quiz: validQuiz.split("\n").slice(0, 9).join("\n") });
    expect(check(fewQuiz).problems[0]?.messageVi).toMatch(/^Cần ít nhất 5 câu hỏi kiểm tra/);
    const badTopic = lessonText({ topic: "khac" });
    expect(check(badTopic).problems[0]?.messageVi).toMatch(/^Trường topic \(chủ đề\) phải là một trong: vneid/);
    const twoOptions = lessonText({ quiz: validQuiz.replace("[Có, Không, Tùy người]", "[Có, Không]") });
    expect(check(twoOptions).problems[0]?.messageVi).toBe("Mỗi câu hỏi kiểm tra cần 3 hoặc 4 lựa chọn (câu hỏi kiểm tra số 2).");
    const badAnswer = lessonText({ quiz: validQuiz.replace("answer: 1", "answer: 5") });
    expect(check(badAnswer).problems[0]?.messageVi).toMatch(/^Đáp án đúng \(câu hỏi kiểm tra số 1\)/);
    const badId = lessonText({ id: "Bai_Sai" });
    expect(check(badId, "vneid/Bai_Sai.md").problems[0]?.messageVi).toMatch(/chữ thường không dấu/);
  });

  it("explains body problems: no summary, no sections, empty and duplicate sections, unclosed questions", () => {
    expect(check(lessonText({ body: "" })).problems.map((p) => p.messageVi)).toEqual([
      expect.stringMatching(/^Thiếu câu tóm tắt bài/),
      expect.stringMatching(/^Bài chưa có mục nào/),
    ]);
    const body = `${validBody}\n## Trống\n\n## Tải ứng dụng ở đâu?\n\nNội dung.\n\n<!-- questions\n- mot\n`;
    const text = lessonText({ body });
    const { problems } = check(text);
    expect(find(problems, /section "Trống" is empty/).line).toBe(lineOf(text, "## Trống"));
    expect(find(problems, /duplicate section heading/).messageVi).toMatch(/hai mục cùng tên/);
    expect(find(problems, /questions block is not closed/).line).toBe(text.split("\n").lastIndexOf("<!-- questions") + 1);
  });
});

describe("section effective dates", () => {
  it("sets effectiveFrom / effectiveUntil from the markers and keeps them out of the section text", () => {
    const body = validBody.replace("Chỉ tải từ kho", "<!-- effective_from: 2026-07-01 -->\n<!-- effective_until: 2026-12-31 -->\nChỉ tải từ kho");
    const { lesson, problems } = check(lessonText({ body }));
    expect(problems).toEqual([]);
    expect(lesson?.sections[0]).toMatchObject({ effectiveFrom: "2026-07-01", effectiveUntil: "2026-12-31" });
    expect(lesson?.sections[0]?.body).not.toContain("effective");
    expect(lesson?.sections[1]?.effectiveFrom).toBeUndefined();
  });

  it("reports a malformed or impossible date on the marker's line, and from after until", () => {
    for (const bad of ["1/7/2026", "2026-02-30", ""]) {
      const text = lessonText({ body: validBody.replace("Chỉ tải từ kho", `<!-- effective_until: ${bad} -->\nChỉ tải từ kho`) });
      const p = find(check(text).problems, /effective_until marker needs a date YYYY-MM-DD/);
      expect(p.line).toBe(lineOf(text, "<!-- effective_until"));
      expect(p.messageVi).toMatch(/^Ngày phải viết dạng YYYY-MM-DD/);
    }
    const reversed = validBody.replace("Chỉ tải từ kho", "<!-- effective_from: 2027-01-01 -->\n<!-- effective_until: 2026-01-01 -->\nChỉ tải từ kho");
    const text = lessonText({ body: reversed });
    expect(find(check(text).problems, /is after effective_until/).line).toBe(lineOf(text, "## Tải ứng dụng ở đâu?"));
  });
});
