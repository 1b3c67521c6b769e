import { describe, expect, it } from "vitest";
import { bestMatch, contentTokens, CURATED_MATCH_THRESHOLD, type MatchEntry } from "../../../../src/assistant/curated/match.js";

const entry = (id: number, question: string, ...alternatives: string[]): MatchEntry<number> => ({
  item: id,
  phrasings: [question, ...alternatives].map(contentTokens),
});
const ENTRIES = [
  entry(1, "Cách đổi mật khẩu Zalo", "quên mật khẩu zalo thì làm sao"),
  entry(2, "Đăng ký tạm trú online trên VNeID"),
  entry(3, "VNeID là gì?"),
  entry(4, "Mất thẻ ngân hàng phải làm gì"),
];
const match = (q: string) => bestMatch(q, ENTRIES)?.item;

describe("curated answer matching", () => {
  it("matches the same question asked another way: with or without diacritics, question words, politeness", () => {
    expect(match("Làm sao để đổi mật khẩu Zalo vậy ạ?")).toBe(1);
    expect(match("doi mat khau zalo nhu the nao")).toBe(1);
    expect(match("Cho tôi hỏi quên mật khẩu Zalo thì làm sao?")).toBe(1);
    expect(match("đăng ký tạm trú online trên vneid như thế nào")).toBe(2);
    expect(match("VNeID là gì vậy")).toBe(3);
    expect(match("mat the ngan hang thi phai lam gi")).toBe(4);
  });

  it("never matches a question about another app, another task or nothing in particular", () => {
    for (const far of [
      "đổi mật khẩu Facebook",
      "cách đổi mật khẩu VNeID",
      "đăng ký thường trú",
      "tạm trú",
      "VNeID bị lỗi không đăng nhập được",
      "cài VNeID",
      "mất điện thoại phải làm gì",
      "thời tiết hôm nay thế nào",
      "làm sao",
      "cho tôi hỏi",
      "ngân hàng",
    ]) {
      expect(match(far), far).toBeUndefined();
    }
  });

  it("keeps 'thẻ' (card), which folds like 'thế', as a content word", () => {
    expect(contentTokens("mất thẻ ngân hàng")).toEqual(new Set(["mat", "the", "ngan", "hang"]));
    expect(contentTokens("như thế nào")).toEqual(new Set());
  });

  it("uses a threshold high enough that three shared words out of five are not a match", () => {
    expect(CURATED_MATCH_THRESHOLD).toBeGreaterThan(0.6);
  });
});
