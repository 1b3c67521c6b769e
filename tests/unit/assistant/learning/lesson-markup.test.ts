import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lessonMarkup } from "../../../../src/assistant/learning/lesson-markup.js";
import { lessonParts } from "../../../../src/assistant/learning/lesson-parts.js";
import { plainOfRich } from "../../../../src/assistant/rich-text.js";
import { loadKnowledge } from "../../../../src/curriculum/index.js";
import { makeLesson } from "../../../fixtures/learning/lessons.js";
import { learningHarness } from "../../../fixtures/learning/harness.js";

/** Markup a citizen must never see. */
const MARKUP = [/\*\*/, /\]\(/, /^\s*- /m, /^#+ /m, /<!--/];

describe("lessonMarkup: the lesson Markdown subset as formatted lines", () => {
  it("keeps bold as emphasis, bullets as list items and numbered steps as text", () => {
    const { lines, links } = lessonMarkup("Câu dẫn.\n\n1. Mở ứng dụng.\n2. Chọn \"Cá nhân\".\n\n- Một ý\n- Ý **quan trọng**\n\n**Lưu ý an toàn:** Không gửi mã OTP.");
    expect(links).toEqual([]);
    expect(lines).toEqual([
      { spans: [{ text: "Câu dẫn." }] },
      { spans: [] },
      { spans: [{ text: "1. Mở ứng dụng." }] },
      { spans: [{ text: "2. Chọn \"Cá nhân\"." }] },
      { spans: [] },
      { spans: [{ text: "Một ý" }], bullet: true },
      { spans: [{ text: "Ý " }, { text: "quan trọng", strong: true }], bullet: true },
      { spans: [] },
      { spans: [{ text: "Lưu ý an toàn:", strong: true }, { text: " Không gửi mã OTP." }] },
    ]);
    expect(plainOfRich(lines)).toBe("Câu dẫn.\n\n1. Mở ứng dụng.\n2. Chọn \"Cá nhân\".\n\n• Một ý\n• Ý quan trọng\n\nLưu ý an toàn: Không gửi mã OTP.");
  });

  it("reduces links to their text and returns kb: links once each", () => {
    const { lines, links } = lessonMarkup(
      "Xem bài [Bị lừa chuyển tiền thì phải làm gì](kb:safety-bi-lua-dao-phai-lam-gi) và [trang chính thức](https://vneid.gov.vn/). Lại [bài đó](kb:safety-bi-lua-dao-phai-lam-gi).",
    );
    expect(plainOfRich(lines)).toBe("Xem bài Bị lừa chuyển tiền thì phải làm gì và trang chính thức. Lại bài đó.");
    expect(links).toEqual([{ lessonId: "safety-bi-lua-dao-phai-lam-gi", text: "Bị lừa chuyển tiền thì phải làm gì" }]);
  });

  it("keeps a literal asterisk (USSD codes, 'dấu *') and drops light emphasis, comments and blank runs", () => {
    const { lines } = lessonMarkup("<!-- act-now -->\nGõ *101# rồi bấm gọi.\n\n\n\nCác mục có dấu * là bắt buộc. Đây là *nhấn nhẹ*.\n");
    expect(plainOfRich(lines)).toBe("Gõ *101# rồi bấm gọi.\n\nCác mục có dấu * là bắt buộc. Đây là nhấn nhẹ.");
  });
});

describe("lesson parts", () => {
  it("hand every channel clean text for every lesson in knowledge/ (no **, no - bullets, no kb: links)", () => {
    const { lessons } = loadKnowledge(join(process.cwd(), "knowledge"));
    expect(lessons.length).toBeGreaterThan(10);
    let linked = 0;
    for (const lesson of lessons) {
      for (const part of lessonParts(lesson)) {
        for (const pattern of MARKUP) expect(part.text, `${lesson.id}: ${pattern}`).not.toMatch(pattern);
        expect(plainOfRich(part.rich)).toBe(part.text);
        linked += part.links.length;
      }
    }
    expect(linked).toBeGreaterThan(0); // the knowledge base does link lessons: the check above saw real links
  });

  it("offers each linked lesson as a 'Xem bài: …' button after 'Tiếp', and the button opens it", async () => {
    const base = makeLesson("l-one", "vneid");
    const withLinks = {
      ...base,
      sections: [
        { ...base.sections[0]!, body: "**Lưu ý an toàn:** Đọc thêm [Bài hai](kb:l-two) và [bài không có](kb:khong-co)." },
        base.sections[1]!,
      ],
    };
    const { say } = learningHarness({ lessons: [withLinks, makeLesson("l-two", "safety")] });
    await say({ action: "ob:yes" });
    await say({ action: "ls:o:l-one" });
    const part = await say({ action: "ls:n" });
    expect(part.text).toContain("Lưu ý an toàn: Đọc thêm Bài hai và bài không có.");
    expect(part.rich?.find((l) => l.spans.some((s) => s.strong && s.text === "Lưu ý an toàn:"))).toBeDefined();
    expect(part.buttons).toEqual([
      { label: "Tiếp ▶", action: "ls:n" },
      { label: "Xem bài: Bài hai", action: "ls:o:l-two" },
    ]);
    // Typed "2" picks the link from the numbered menu too (channels without buttons).
    const opened = await say({ text: "2" });
    expect(opened.text).toContain("📘 Bài l-two");
  });
});
