import { describe, expect, it } from "vitest";
import { canonicalToneStyle, foldDiacritics, hasDiacritics, normalizeText, normalizeTokens, parseLexicon } from "../../../src/nlp/index.js";

describe("normalizeText", () => {
  it("applies NFC, lower case and punctuation/whitespace cleanup", () => {
    const decomposed = "Đăng  Nhập\u0301".normalize("NFD"); // combining marks as some keyboards send them
    expect(normalizeText(`  ${decomposed} ... VNeID?!  `)).toBe(normalizeText("đăng nhậṕ vneid"));
    expect(normalizeText("Mật khẩu,   OTP;\n\tngân hàng!!")).toBe("mật khẩu otp ngân hàng");
  });

  it("expands abbreviations and chat spellings from the lexicon", () => {
    expect(normalizeText("dt ko dc")).toBe("điện thoại không được");
    expect(normalizeText("ĐT hok đc")).toBe("điện thoại không được");
    expect(normalizeText("quen mk tk vneid thi lam j")).toBe("quen mật khẩu tài khoản vneid thi lam gì");
    expect(normalizeText("sdt cccd dvc ck")).toBe("số điện thoại căn cước công dân dịch vụ công chuyển khoản");
    expect(normalizeText("vn-eid vnid VNEID")).toBe("vneid vneid vneid");
    expect(normalizeText("mat 20tr")).toBe("mat 20 triệu");
  });

  it("does not break real words", () => {
    for (const word of ["không", "kho", "khóa", "được", "đăng ký", "tiền", "100k", "dịch vụ", "mật khẩu", "vay tiền", "hỏng"]) {
      expect(normalizeText(word)).toBe(word);
    }
    // "ca" means "công an" in chat, but never inside "tất cả" or "cá nhân"
    expect(normalizeText("tat ca thong tin ca nhan")).toBe("tất cả thong tin cá nhân");
    expect(normalizeText("ng tu nhan ca goi")).toBe("người tu nhan công an goi");
  });

  it("gives the same folded tokens with diacritics, without and abbreviated", () => {
    const accented = foldDiacritics(normalizeText("Điện thoại không đăng nhập được mật khẩu"));
    const plain = foldDiacritics(normalizeText("dien thoai khong dang nhap duoc mat khau"));
    const abbrev = foldDiacritics(normalizeText("dt ko dang nhap dc mk"));
    expect(plain).toBe(accented);
    expect(abbrev).toBe(accented);
  });

  it("unifies the two tone placements and collapses stretched letters", () => {
    expect(normalizeText("Hoà thuỷ khoẻ")).toBe("hòa thủy khỏe");
    expect(canonicalToneStyle("quý")).toBe("quý");
    expect(canonicalToneStyle("hoàn")).toBe("hoàn");
    expect(normalizeText("khônggggg")).toBe("không");
  });

  it("returns tokens and accepts another lexicon", () => {
    const lexicon = parseLexicon({ entries: { xyz: "xin chào" } }, { groups: [] });
    expect(normalizeTokens("XYZ bạn", lexicon)).toEqual(["xin", "chào", "bạn"]);
    expect(normalizeText("dt", lexicon)).toBe("dt");
    expect(() => parseLexicon({ entries: "nope" }, { groups: [] })).toThrow(/abbreviations\.json/);
  });
});

describe("foldDiacritics / hasDiacritics", () => {
  it("strips accents and maps đ to d", () => {
    expect(foldDiacritics("Định danh điện tử mất mật mặt")).toBe("Dinh danh dien tu mat mat mat");
    expect(hasDiacritics("mật khẩu")).toBe(true);
    expect(hasDiacritics("mat khau")).toBe(false);
  });
});
