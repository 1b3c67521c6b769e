import { describe, expect, it } from "vitest";
import { answerUnits, splitSentences } from "../../../../src/assistant/answering/answer-units.js";
import type { Chunk } from "../../../../src/assistant/index.js";
import { dvcSubmit, installVneid, otpMeaning, vneidOffline } from "../../../fixtures/chunks.js";

const summary = (c: Chunk) => answerUnits(c).map((u) => [u.kind, u.text, u.step ?? null]);

describe("splitSentences", () => {
  it("splits at a full stop, '!' or '?' followed by a capital, a digit or a quote, and at line breaks", () => {
    expect(splitSentences("Mở ứng dụng. Bấm \"Đăng nhập\". 3 ngày sau có kết quả! Xong chưa? Rồi.")).toEqual([
      "Mở ứng dụng.",
      "Bấm \"Đăng nhập\".",
      "3 ngày sau có kết quả!",
      "Xong chưa?",
      "Rồi.",
    ]);
    expect(splitSentences("• Một.\n• Hai.")).toEqual(["• Một.", "• Hai."]);
  });

  it("keeps abbreviations and decimals inside a sentence and drops pieces without letters", () => {
    expect(splitSentences("Phí là 1.000 đồng, v.v. và hơn nữa.")).toEqual(["Phí là 1.000 đồng, v.v. và hơn nữa."]);
    expect(splitSentences("Gọi 113.\n---\n")).toEqual(["Gọi 113."]);
  });
});

describe("answerUnits", () => {
  it("cuts a procedure into lead, numbered steps, closing and safety note, in reading order", () => {
    expect(summary(installVneid)).toEqual([
      ["lead", "Chỉ tải VNeID từ kho ứng dụng chính thức.", null],
      ["step", installVneid.steps[0], 1],
      ["step", installVneid.steps[1], 2],
      ["step", installVneid.steps[2], 3],
      ["closing", "Cài xong, biểu tượng VNeID hiện trên màn hình.", null],
      ["safety", "Không bấm vào đường link lạ để tải VNeID.", null],
    ]);
    expect(answerUnits(installVneid).map((u) => u.order)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(answerUnits(installVneid).every((u) => u.chunk === installVneid)).toBe(true);
  });

  it("turns Markdown into plain text: bullets as '•', no bold markers, and the safety paragraph only once", () => {
    expect(summary(otpMeaning)).toEqual([
      ["lead", "Mã OTP là \"mật khẩu dùng một lần\", chỉ dùng được một lần và trong thời gian ngắn.", null],
      ["lead", "• Ngân hàng gửi mã OTP qua tin nhắn SMS.", null],
      ["lead", "• Mã chỉ có tác dụng khoảng 60 đến 120 giây.", null],
      ["safety", "Không cung cấp mã OTP cho bất kỳ ai dưới bất kỳ hình thức nào.", null],
    ]);
    expect(answerUnits(otpMeaning).some((u) => u.text.includes("**"))).toBe(false);
  });

  it("keeps the words that introduce a list with the lead, and a section without steps is all lead", () => {
    const intro: Chunk = { ...dvcSubmit, body: "Làm như sau:\n1. Đăng nhập bằng tài khoản VNeID.\n2. Tìm thủ tục cần làm.\n3. Điền thông tin và bấm \"Nộp hồ sơ\"." };
    expect(summary(intro)[0]).toEqual(["lead", "Làm như sau:", null]);
    expect(answerUnits(intro).filter((u) => u.kind === "step").map((u) => u.step)).toEqual([1, 2, 3]);
    expect(answerUnits(vneidOffline).map((u) => u.kind)).toEqual(["lead", "lead"]);
  });

  it("reduces links to their text", () => {
    const linked: Chunk = { ...vneidOffline, id: "x#y", body: "Xem bài [cài đặt VNeID](kb:vneid-cai-dat) hoặc [trang chính thức](https://vneid.gov.vn/)." };
    expect(answerUnits(linked).map((u) => u.text)).toEqual(["Xem bài cài đặt VNeID hoặc trang chính thức."]);
  });
});
