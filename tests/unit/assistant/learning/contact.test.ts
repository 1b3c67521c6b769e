import { describe, expect, it } from "vitest";
import { asksForPerson, contactText } from "../../../../src/assistant/learning/contact.js";

describe("Gặp người thật", () => {
  it("recognises requests for a person, with or without diacritics, but not questions about scams", () => {
    for (const t of ["gặp người thật", "Tôi muốn gặp người thật!", "nói chuyện với người", "noi chuyen voi nguoi that", "cho tôi gặp cán bộ", "gap can bo xa"])
      expect(asksForPerson(t), t).toBe(true);
    for (const t of ["làm sao biết người gọi là người thật hay lừa đảo", "cách cài VNeID", "người thân bị lừa thì làm gì"])
      expect(asksForPerson(t), t).toBe(false);
  });

  it("prints only the fields the admins filled in, and a safety line", () => {
    const text = contactText("Xã Yên Lạc", { unitCode: "1", teamContact: "Chị Hoa, 0912 000 111", updatedAt: "2026-11-29T00:00:00.000Z" });
    expect(text).toBe("Gặp người thật ở Xã Yên Lạc:\n\nTổ công nghệ số cộng đồng: Chị Hoa, 0912 000 111\n\nCán bộ thật không bao giờ hỏi mã OTP, mật khẩu hay bảo bạn chuyển tiền.");
  });
});
