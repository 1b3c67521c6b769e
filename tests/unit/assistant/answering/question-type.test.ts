import { describe, expect, it } from "vitest";
import { questionTypes, type QuestionType } from "../../../../src/assistant/answering/question-type.js";

const typesOf = (text: string) => [...questionTypes(text)].sort();

describe("questionTypes", () => {
  it.each<[string, QuestionType]>([
    ["Làm căn cước cho con mất bao nhiêu tiền?", "quantity"],
    ["cấp lại mất bao lâu", "quantity"],
    ["Lệ phí đổi giấy phép lái xe", "quantity"],
    ["Nộp hồ sơ ở đâu?", "place"],
    ["gọi số nào để khóa thẻ", "place"],
    ["Tin nhắn này có phải lừa đảo?", "yesno"],
    ["Đăng ký online có được không", "yesno"],
    ["Đi làm căn cước cần mang theo gì?", "documents"],
    ["giấy tờ gì để làm hộ chiếu", "documents"],
    ["Tại sao phải kích hoạt mức 2?", "reason"],
    ["Cách đổi mật khẩu ứng dụng", "howto"],
    ["làm thế nào để cài ứng dụng", "howto"],
  ])("reads %j as %s", (text, type) => {
    expect(questionTypes(text).has(type)).toBe(true);
  });

  it("reads the same type with and without diacritics", () => {
    expect(typesOf("mất bao nhiêu tiền, nộp ở đâu")).toEqual(typesOf("mat bao nhieu tien, nop o dau"));
    expect(typesOf("mất bao nhiêu tiền, nộp ở đâu")).toEqual(["place", "quantity"]);
  });

  it("finds every type of a question with several parts", () => {
    expect(typesOf("Đổi thẻ ở đâu, có mất phí không?")).toEqual(expect.arrayContaining(["place", "quantity", "yesno"]));
  });

  it("reads a closing 'không' / 'chưa' after có/được/phải as a yes/no question", () => {
    expect(questionTypes("tài khoản của tôi có bị khóa không").has("yesno")).toBe(true);
    expect(questionTypes("mẹ tôi được nhận tiền chưa").has("yesno")).toBe(true);
    // A "không" inside the sentence is not a question ending.
    expect(questionTypes("điện thoại không vào được mạng thì làm sao").has("yesno")).toBe(false);
  });

  it("matches cues on whole syllables, and finds no type in a plain 'what is' question", () => {
    expect(questionTypes("Mã OTP là gì").size).toBe(0);
    // "phí" (fee) is a cue; "phim" (film) only starts with the same letters.
    expect(questionTypes("phim hay").has("quantity")).toBe(false);
    expect(questionTypes("phí bao nhiêu").has("quantity")).toBe(true);
    expect(questionTypes("cachep").has("howto")).toBe(false);
  });
});
