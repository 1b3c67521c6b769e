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

describe("outOfScopeCategory by meaning: a cue, or a subject asked about in that way, unless it is about what we teach", () => {
  it.each([
    ["Bạn nghĩ sao về chính sách của chính phủ?", "politics"],
    ["cho tôi xin số điện thoại của chị hàng xóm", "personal-data"],
    ["con tôi sốt thì uống thuốc gì", "medical-advice"],
    ["uong thuoc nay may vien", "medical-advice"],
    ["kết quả xổ số hôm nay", "lottery"],
    ["có nên mua bitcoin không", "finance-tips"],
    ["giải bài toán lớp 5 giúp cháu", "homework"],
    ["hàng xóm lấn đất tôi có nên đi kiện", "legal-dispute"],
    ["tỷ số trận đấu tối qua", "entertainment"],
  ])("%s → %s", (text, category) => {
    expect(outOfScopeCategory(text)).toBe(category);
  });

  it("needs the way of asking, not the subject alone", () => {
    // "chính phủ" / "chính sách" are politics subjects, but asking how to register online is not an opinion.
    expect(outOfScopeCategory("chính phủ có chính sách mới, đăng ký trên mạng thế nào")).toBeUndefined();
    expect(outOfScopeCategory("bitcoin là gì")).toBeUndefined();
  });

  it("keeps questions about what we teach: one's own data, scams, online services", () => {
    expect(outOfScopeCategory("số điện thoại của tôi bị khóa")).toBeUndefined();
    expect(outOfScopeCategory("tin nhắn báo trúng xổ số có thật không")).toBeUndefined();
    expect(outOfScopeCategory("nhóm chuyên gia hứa lãi cao khi mua bitcoin có nên tham gia")).toBeUndefined();
    expect(outOfScopeCategory("đặt lịch khám bệnh trên ứng dụng thế nào")).toBeUndefined();
    expect(outOfScopeCategory("giấy triệu tập của tòa án gửi qua zalo có thật không")).toBeUndefined();
  });

  it("matches folded, on whole syllables", () => {
    expect(outOfScopeCategory("KẾT QUẢ XỔ SỐ")).toBe("lottery");
    expect(outOfScopeCategory("ket qua xo so")).toBe("lottery");
    // "xổ số" must be whole syllables: "xổ sống" is not a lottery.
    expect(outOfScopeCategory("xổ sống")).toBeUndefined();
  });
});
