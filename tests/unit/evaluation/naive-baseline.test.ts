import { describe, expect, it } from "vitest";
import { parseLesson } from "../../../src/curriculum/parse.js";
import type { Lesson } from "../../../src/curriculum/types.js";
import { createNaiveBaseline } from "../../../src/evaluation/naive-baseline.js";
import { lessonText } from "../../fixtures/lesson-text.js";

const otpBody = `Bài này giải thích mã OTP.

## Mã OTP là gì?

Mã OTP là mật khẩu dùng một lần do ngân hàng gửi qua tin nhắn.

<!-- questions
- otp la j
- ma xac thuc
- ma mot lan
- tin nhan ma so
-->

## Lỡ đọc mã OTP cho người lạ thì sao?

Gọi ngay tổng đài ngân hàng để khóa tài khoản.

<!-- questions
- lo doc ma
- bi lua ma
- dua ma cho nguoi ta
- lo noi ma
-->
`;

function lesson(text: string, file: string): Lesson {
  const { lesson: parsed, problems } = parseLesson(text, file);
  if (!parsed) throw new Error(problems.map((p) => p.message).join("; "));
  return parsed;
}

const install = lesson(lessonText(), "vneid/vneid-cai-dat.md");
const otp = lesson(
  lessonText({ id: "safety-ma-otp", topic: "safety", body: otpBody }).replace("title: Cài đặt ứng dụng đúng cách", "title: Mã OTP và mật khẩu"),
  "safety/safety-ma-otp.md",
);
const baseline = createNaiveBaseline([install, otp]);
const verbatim = (l: Lesson, i: number) => `${l.sections[i]!.heading}\n\n${l.sections[i]!.body}`;

describe("naive baseline (folded BM25, best section verbatim)", () => {
  it("returns the best section's heading and body exactly as written", () => {
    expect(baseline.answer("Ứng dụng có mất phí không?")).toBe(verbatim(install, 1));
    expect(baseline.answer("mã OTP là gì")).toBe(verbatim(otp, 0));
    // Verbatim: Markdown links and the safety label stay as they are in the lesson.
    expect(baseline.answer("ung dung co mat phi khong")).toContain("[bài khác](kb:vneid-bai-khac)");
  });

  it("folds diacritics: the plain question gets the same answer", () => {
    expect(baseline.answer("lo doc ma otp cho nguoi la")).toBe(baseline.answer("lỡ đọc mã OTP cho người lạ"));
    expect(baseline.answer("lo doc ma otp cho nguoi la")).toBe(verbatim(otp, 1));
  });

  it("returns the top k sections best first, joined by a blank line", () => {
    const top3 = baseline.answer("mã OTP ngân hàng", 3);
    const parts = [verbatim(otp, 0), verbatim(otp, 1)];
    expect(top3.startsWith(parts.join("\n\n"))).toBe(true);
    expect(baseline.answer("mã OTP ngân hàng", 1)).toBe(verbatim(otp, 0));
  });

  it("uses no paraphrase questions and no abbreviations, and returns nothing when no word matches", () => {
    // "app" and "ko" appear only in the questions blocks; the baseline never reads them or expands them.
    expect(baseline.answer("app")).toBe("");
    expect(baseline.answer("ko")).toBe("");
    expect(baseline.answer("thời tiết Hà Nội", 3)).toBe("");
  });

  it("counts the lesson title as section text", () => {
    // "cách" is only in the install lesson's title ("… đúng cách"): both its sections match (the shorter one first, BM25's
    // length normalisation), the OTP lesson's do not.
    expect(baseline.answer("cách", 3)).toBe(`${verbatim(install, 1)}\n\n${verbatim(install, 0)}`);
  });
});
