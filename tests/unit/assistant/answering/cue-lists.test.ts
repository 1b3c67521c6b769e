import { describe, expect, it } from "vitest";
import { looksLikeFollowUp, outOfScopeCategory } from "../../../../src/assistant/answering/cue-lists.js";

describe("looksLikeFollowUp", () => {
  it.each(["ở đâu?", "còn cách khác không?", "mất bao lâu vậy", "rồi sao nữa", "đăng ký ở đâu", "o dau v"])(
    "reads %j as leaning on the previous answer",
    (text) => expect(looksLikeFollowUp(text)).toBe(true),
  );

  it.each(["quên mật khẩu vneid làm sao", "quen mat khau vneid lam sao", "chuyển tiền nhầm thì làm thế nào", "xin chào"])(
    "reads %j as a question of its own",
    (text) => expect(looksLikeFollowUp(text)).toBe(false),
  );
});

describe("outOfScopeCategory", () => {
  it("finds weather and lottery questions with or without diacritics", () => {
    expect(outOfScopeCategory("thời tiết hà nội mai thế nào")).toBeDefined();
    expect(outOfScopeCategory("xo so mien bac hom nay")).toBeDefined();
    expect(outOfScopeCategory("cách cài vneid")).toBeUndefined();
  });
});
