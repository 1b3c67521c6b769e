import { describe, expect, it } from "vitest";
import { hasDomainAnchor, scopeVerdict, topicCategory, unanchoredVerdict, withScopeHint } from "../../../../src/assistant/answering/scope.js";
import { normalizeText } from "../../../../src/nlp/index.js";

/** As the QA feature calls it: the message as typed and as the search normaliser reads it. */
const verdict = (text: string) => scopeVerdict(text, normalizeText(text));

// Sentences written for these tests from each category's vocabulary, not taken from any evaluation set.
describe("scopeVerdict: an outside subject with nothing we teach is refused", () => {
  // The category is the cue list's when it matches first (entertainment covers sports and celebrities there).
  it.each([
    ["Chiều nay Cần Thơ có mưa to không?", "weather"],
    ["dot nang nong nay keo dai bao lau", "weather"],
    ["Tối nay đánh lô con mấy cho chắc?", "lottery"],
    ["Mẹ tôi bị thoái hóa cột sống, dùng bài thuốc nào cho đỡ?", "medical-advice"],
    ["Chú tôi tự ý sang tên mảnh đất của ông bà thì có kiện được không?", "legal-dispute"],
    ["Viết giúp cháu đoạn văn tả cây bàng mùa thu", "homework"],
    ["Ông thủ tướng mới làm việc có tốt không?", "politics"],
    ["Hoa hậu nào đẹp nhất từ trước đến giờ?", "entertainment"],
    ["cach lam nuoc cham bun cha", "recipe"],
    ["Ai ghi bàn nhiều nhất ở vòng loại World Cup?", "entertainment"],
  ])("%s → %s", (text, category) => {
    expect(verdict(text)?.category).toBe(category);
  });

  it("reads abbreviations through the normaliser", () => {
    expect(hasDomainAnchor("dt bi nong qua", normalizeText("dt bi nong qua"))).toBe(true); // "dt" → "điện thoại"
    expect(verdict("dt bi nong qua co sao ko")).toBeUndefined();
    expect(verdict("bi dau bung uong thuoc j")).toBeDefined();
  });
});

describe("scopeVerdict keeps questions that also name something we teach", () => {
  it.each([
    "Đặt lịch khám bệnh online ở bệnh viện tỉnh thế nào?",
    "Tra cứu kết quả xổ số trên mạng có bị lừa không?",
    "Xem thời tiết trên điện thoại ở đâu?",
    "Có người gọi bảo con tôi nằm viện cần tiền mổ gấp",
    "Bác sĩ khám từ xa qua ứng dụng có kê đơn được không?",
    "Bán bánh chưng online có phải đóng thuế không?",
    "Con tôi dùng ChatGPT làm bài tập có được không?",
    "Nộp thuế đất trên Cổng dịch vụ công thế nào?",
  ])("%s", (text) => {
    expect(verdict(text)).toBeUndefined();
  });

  it("still refuses a way of asking we never answer, anchor or not", () => {
    // Another person's data, asked for: the cue list's subject + way of asking wins over the anchor.
    expect(verdict("cho tôi xin số điện thoại của chị bán rau đầu ngõ")?.category).toBe("personal-data");
    expect(verdict("Nên mua bitcoin lúc này không?")?.category).toBe("finance-tips");
  });
});

describe("matching rules", () => {
  it("matches words whose bare letters mean something else only when typed with diacritics", () => {
    // "bão" folds to "bao" (bao nhiêu); "lúa" to "lua" (lừa).
    expect(topicCategory("Bão có vào không")).toBe("weather");
    expect(topicCategory("bao nhieu tien")).toBeUndefined();
    expect(hasDomainAnchor("Lúa bị sâu")).toBe(false);
    expect(hasDomainAnchor("bị lừa rồi")).toBe(true);
    // A plain message is not read through the normaliser's own diacritics ("ko" → "không").
    expect(topicCategory("gio ho ko tra loi", normalizeText("gio ho ko tra loi"))).toBeUndefined();
  });

  it("does not read 'cái' as 'cài' or 'gỏi' as 'gọi'", () => {
    expect(hasDomainAnchor("mua 10 cái bánh")).toBe(false);
    expect(hasDomainAnchor("làm gỏi cuốn")).toBe(false);
    expect(hasDomainAnchor("cài ứng dụng")).toBe(true);
  });
});

describe("unanchoredVerdict: nothing we teach and no firm lesson match", () => {
  it("refuses below the level, keeps at or above it, and never retrieves for an anchored message", async () => {
    let calls = 0;
    const low = async () => (calls++, 0.1);
    expect(await unanchoredVerdict(["Trồng bưởi bao lâu thì có quả?"], low, 0.25)).toEqual({ category: "other", reason: "unanchored" });
    expect(await unanchoredVerdict(["Người già đi làm việc ở xã cần mang theo gì?"], async () => 0.5, 0.25)).toBeUndefined();
    calls = 0;
    expect(await unanchoredVerdict(["Cài VNeID thế nào?"], low, 0.25)).toBeUndefined();
    expect(calls).toBe(0);
  });
});

describe("withScopeHint", () => {
  it("puts the category's line under the first paragraph, and leaves other refusals alone", () => {
    const refusal = "Xin lỗi, câu này ngoài phạm vi.\n\nBạn có thể tìm đến: 113, 115.";
    const text = withScopeHint(refusal, "medical-advice");
    expect(text.startsWith("Xin lỗi, câu này ngoài phạm vi.\n\n")).toBe(true);
    expect(text).toMatch(/bác sĩ/);
    expect(text.endsWith("Bạn có thể tìm đến: 113, 115.")).toBe(true);
    expect(text).toBe(text.normalize("NFC"));
    expect(withScopeHint(refusal, "other")).toBe(refusal);
  });
});
