import { describe, expect, it } from "vitest";
import { courtesyOf } from "../../../../src/assistant/dialogue/courtesy.js";

describe("courtesyOf", () => {
  it.each([
    ["cảm ơn", "thanks"],
    ["Cảm ơn con nhiều lắm!", "thanks"],
    ["cam on chau", "thanks"],
    ["thanks", "thanks"],
    ["ok cảm ơn nhé", "thanks"],
    ["Tạm biệt", "bye"],
    ["bye bye", "bye"],
    ["Xin chào", "greeting"],
    ["alo", "greeting"],
    ["chào trợ lý số", "greeting"],
    ["ok", "ack"],
    ["vâng ạ", "ack"],
    ["xong rồi", "ack"],
    ["hiểu rồi", "ack"],
    ["tiếp đi", "ack"],
  ] as const)("reads %j as %s", (text, kind) => {
    expect(courtesyOf(text)).toBe(kind);
  });

  it("puts thanks before a goodbye or a greeting in the same message", () => {
    expect(courtesyOf("cảm ơn, tạm biệt")).toBe("thanks");
    expect(courtesyOf("chào, tạm biệt nhé")).toBe("bye");
  });

  it.each([
    "cảm ơn, cho hỏi cách cài VNeID",
    "ok vậy mật khẩu là gì",
    "chào bạn tôi muốn đổi thẻ",
    "mã otp",
    "",
    "!!!",
    "ok ok ok ok ok ok ok ok ok",
  ])("leaves %j to the other features (a question, nothing, or too long)", (text) => {
    expect(courtesyOf(text)).toBeUndefined();
  });
});
