import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { T } from "../../../../src/assistant/learning/texts.js";
import { loadConfig } from "../../../../src/config.js";

/** What the consent text and the privacy lesson promise must match what the code does (issue 11). */
const lesson = readFileSync(new URL("../../../../knowledge/about/about-quyen-rieng-tu.md", import.meta.url), "utf8");

describe("privacy promises", () => {
  it("the retention both texts promise is the configured default", () => {
    const days = loadConfig({}).privacy.questionRetentionDays;
    expect(T.consent).toContain(`${days} ngày`);
    expect(lesson).toContain(`${days} ngày`);
  });

  it("both say personal numbers are removed before questions are stored", () => {
    expect(T.consent).toMatch(/Trước khi lưu, tôi xoá khỏi câu hỏi số điện thoại, số căn cước, số tài khoản, số thẻ, mã OTP, mật khẩu, email, địa chỉ nhà và họ tên/);
    expect(lesson).toMatch(/bị xóa trước khi lưu: số điện thoại, số căn cước/);
  });

  it("both say what Xoá hồ sơ removes and what stays", () => {
    expect(T.consent).toContain("Việc này xoá nơi ở, nhóm, độ tuổi, các câu bạn đã hỏi và chỗ bạn đang học dở");
    expect(lesson).toContain("việc này xóa nơi ở, nhóm, độ tuổi, các câu bạn đã hỏi và chỗ bạn đang học dở");
    expect(T.consent).toContain("Kết quả học đã ghi vẫn được giữ làm minh chứng");
    expect(T.profileDeleted).toContain("các câu bạn đã hỏi");
  });

  it("the lesson cites no repo: source and says small groups are not shown", () => {
    expect(lesson).not.toMatch(/url:\s*"?repo:/);
    expect(lesson).toContain("dưới 5 người học");
  });
});
