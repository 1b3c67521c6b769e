import { describe, expect, it } from "vitest";
import { asksWhatNext } from "../../../../src/assistant/dialogue/what-next-cues.js";

describe("asksWhatNext", () => {
  it.each([
    "làm xong rồi thì sao",
    "Làm xong rồi thì sao nữa?",
    "lam xong roi thi sao",
    "tiếp theo làm gì",
    "tiep theo lam gi vay",
    "cài xong rồi, giờ làm gì",
    "xong bước này thì sao",
    "rồi sao nữa",
  ])("reads %j as 'what comes after this?'", (text) => {
    expect(asksWhatNext(text)).toBe(true);
  });

  it.each([
    "cách cài VNeID",
    "làm sao đăng ký mức 2",
    "tiếp",
    "xong rồi",
    // A long message that merely contains a cue is a question of its own.
    "tôi đã đăng ký tài khoản định danh mức một cho bố mẹ ở quê, làm xong rồi thì sao nữa ạ",
  ])("does not read %j as 'what next'", (text) => {
    expect(asksWhatNext(text)).toBe(false);
  });
});
