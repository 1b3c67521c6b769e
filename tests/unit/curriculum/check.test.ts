import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkKnowledge, MIN_QUESTIONS_PER_SECTION } from "../../../src/curriculum/check.js";
import { lessonText, validBody } from "../../fixtures/lesson-text.js";

function knowledgeDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "kb-check-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const other = lessonText({ id: "vneid-bai-khac" });
const today = new Date("2026-11-23T00:00:00Z");

describe("checkKnowledge", () => {
  it("accepts valid lessons whose links resolve and counts coverage", () => {
    const dir = knowledgeDir({ "vneid/vneid-cai-dat.md": lessonText(), "vneid/vneid-bai-khac.md": other });
    const report = checkKnowledge(dir, today);
    expect(report.problems).toEqual([]);
    expect(report.coverage.find((c) => c.topic === "vneid")?.count).toBe(2);
    expect(report.quizQuestions).toBe(10);
  });

  it("flags unresolved links, wrong folder, wrong file name and duplicate ids", () => {
    const dir = knowledgeDir({
      "vneid/vneid-cai-dat.md": lessonText(),
      "safety/vneid-bai-khac.md": other,
      "vneid/ten-sai.md": lessonText({ id: "vneid-cai-dat" }),
    });
    const messages = checkKnowledge(dir, today).problems.map((p) => `${p.file}: ${p.message}`);
    expect(messages).toContain('safety/vneid-bai-khac.md: lesson with topic "vneid" must live in knowledge/vneid/');
    expect(messages).toContain('vneid/vneid-cai-dat.md: id "vneid-cai-dat" is already used by vneid/ten-sai.md');
    expect(messages).toContain("vneid/ten-sai.md: file name must be vneid-cai-dat.md");
    const dir2 = knowledgeDir({ "vneid/vneid-cai-dat.md": lessonText() });
    expect(checkKnowledge(dir2, today).problems.map((p) => p.message)).toContain("link kb:vneid-bai-khac does not resolve to a lesson");
  });

  it("flags text that is not NFC", () => {
    const decomposed = lessonText().replace("Tải ứng dụng ở đâu?", "Tải ứng dụng ở đâu?".normalize("NFD"));
    const dir = knowledgeDir({ "vneid/vneid-cai-dat.md": decomposed, "vneid/vneid-bai-khac.md": other });
    expect(checkKnowledge(dir, today).problems.map((p) => p.message).join()).toMatch(/not Unicode NFC/);
  });

  it("requires MIN_QUESTIONS_PER_SECTION questions per section and a safety note where OTP or money is mentioned", () => {
    const body = "Tóm tắt.\n\n## Mã OTP là gì?\n\nMã OTP là mã dùng một lần.\n\n<!-- questions\n- otp la gi\n-->\n";
    const dir = knowledgeDir({ "vneid/vneid-cai-dat.md": lessonText({ body }) });
    const messages = checkKnowledge(dir, today).problems.map((p) => p.message);
    expect(messages).toContain(`section "Mã OTP là gì?" needs at least ${MIN_QUESTIONS_PER_SECTION} questions in its <!-- questions --> block (has 1)`);
    expect(messages.some((m) => m.includes("no **Lưu ý an toàn:** note"))).toBe(true);
  });

  it("flags an instruction to share an OTP or transfer money, but not warnings or scam descriptions", () => {
    const unsafe = validBody.replace('3. Bấm "Cài đặt".', '3. Hãy cung cấp mã OTP cho nhân viên.\n4. Chuyển tiền vào tài khoản tạm giữ.');
    const dir = knowledgeDir({ "vneid/vneid-cai-dat.md": lessonText({ body: unsafe }), "vneid/vneid-bai-khac.md": other });
    const found = checkKnowledge(dir, today).problems.filter((p) => p.message.startsWith("unsafe instruction"));
    expect(found).toHaveLength(2);
    const safe = validBody.replace(
      '3. Bấm "Cài đặt".',
      "3. Kẻ gian bảo bạn đọc mã OTP cho chúng.\n4. Không bao giờ chuyển tiền cho người lạ.\n5. Nhập mật khẩu của bạn vào ứng dụng.",
    );
    const dir2 = knowledgeDir({ "vneid/vneid-cai-dat.md": lessonText({ body: safe }), "vneid/vneid-bai-khac.md": other });
    expect(checkKnowledge(dir2, today).problems).toEqual([]);
  });

  it("rejects dates in the future", () => {
    const text = lessonText().replace("updated: 2026-11-20", "updated: 2027-01-01");
    const dir = knowledgeDir({ "vneid/vneid-cai-dat.md": text, "vneid/vneid-bai-khac.md": other });
    expect(checkKnowledge(dir, today).problems.map((p) => p.message)).toContain("updated date 2027-01-01 is in the future");
  });
});
