import { describe, expect, it } from "vitest";
import { abbreviate } from "../../../src/evaluation/abbreviate.js";

describe("abbreviate", () => {
  it("writes the shorthand people type on a phone, without diacritics or punctuation", () => {
    expect(abbreviate("Điện thoại không vào được mạng thì làm gì?")).toBe("dt ko vao dc mang thi lam j");
    expect(abbreviate("Quên mật khẩu tài khoản ngân hàng")).toBe("quen mk tk nh");
    expect(abbreviate("Số điện thoại của tôi bị khóa rồi")).toBe("sdt cua toi bi khoa r");
  });

  it("replaces the longest phrase first", () => {
    expect(abbreviate("căn cước công dân")).toBe("cccd");
    expect(abbreviate("số điện thoại")).toBe("sdt");
    expect(abbreviate("dịch vụ công, bảo hiểm y tế, chuyển khoản")).toBe("dvc bhyt ck");
  });

  it("drops politeness words and replaces only whole words", () => {
    expect(abbreviate("Cho tôi hỏi cách cài VNeID ạ")).toBe("cach cai vneid");
    expect(abbreviate("Người già dùng với con cháu vậy")).toBe("ng gia dung vs con chau v");
    // "gì" inside another word is left alone.
    expect(abbreviate("giữ gìn")).toBe("giu gin");
  });

  it("is idempotent on text that is already short", () => {
    const once = abbreviate("Tôi không nhận được mã OTP");
    expect(abbreviate(once)).toBe(once);
  });
});
