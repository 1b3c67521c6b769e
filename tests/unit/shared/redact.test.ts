import { describe, expect, it } from "vitest";
import { normalizeText } from "../../../src/nlp/index.js";
import { redact, redactPersonalData, type PersonalDataKind } from "../../../src/shared/redact.js";

/** [input, expected redacted text, kinds found] — real formats people type. */
const REDACTED: Array<[string, string, PersonalDataKind[]]> = [
  // Phone numbers, every Vietnamese way of writing them
  ["sđt 0912345678", "sđt [số điện thoại]", ["phone"]],
  ["sđt 0912 345 678 nhé", "sđt [số điện thoại] nhé", ["phone"]],
  ["gọi 091.234.5678", "gọi [số điện thoại]", ["phone"]],
  ["số tôi 0912-345-678", "số tôi [số điện thoại]", ["phone"]],
  ["+84 912345678", "[số điện thoại]", ["phone"]],
  ["+84912345678", "[số điện thoại]", ["phone"]],
  ["84912345678 là zalo của tôi", "[số điện thoại] là zalo của tôi", ["phone"]],
  ["(+84) 912 345 678", "[số điện thoại]", ["phone"]],
  ["máy bàn 024 3825 1234", "máy bàn [số điện thoại]", ["phone"]],
  ["0398765432, 0868123456", "[số điện thoại], [số điện thoại]", ["phone"]],
  ["0398765432 0868123456", "[số điện thoại] [số điện thoại]", ["phone"]],
  // CCCD (12 digits) and CMND (9 digits)
  ["số CCCD 001099012345", "số CCCD [số căn cước]", ["id"]],
  ["cccd: 079 203 001 234", "cccd: [số căn cước]", ["id"]],
  ["căn cước 036.088.012.345 bị mất", "căn cước [số căn cước] bị mất", ["id"]],
  ["CMND 123456789", "CMND [số căn cước]", ["id"]],
  // Bank accounts and cards, 8–19 digits with spaces or dashes
  ["stk 1903-1234-5678-901 techcombank", "stk [số tài khoản] techcombank", ["account"]],
  ["số tài khoản 0011004123456 vietcombank", "số tài khoản [số tài khoản] vietcombank", ["account"]],
  ["tk 12345678", "tk [số tài khoản]", ["account"]],
  ["thẻ 4111 1111 1111 1111 bị khoá", "thẻ [số tài khoản] bị khoá", ["account"]],
  ["thẻ 9704-0000-1234-5678", "thẻ [số tài khoản]", ["account"]],
  ["số thẻ 9704 1234 5678 9012 345", "số thẻ [số tài khoản]", ["account"]],
  // One-time codes near "otp" / "mã"
  ["mã OTP là 123456 có đưa không", "mã OTP là [mã] có đưa không", ["otp"]],
  ["mã xác thực: 4821", "mã xác thực: [mã]", ["otp"]],
  ["OTP 87654321", "OTP [mã]", ["otp"]],
  ["ma otp 654321", "ma otp [mã]", ["otp"]],
  ["mã của tôi là 9 8 7 6 5 4", "mã của tôi là [mã]", ["otp"]],
  // E-mail
  ["email nguyen.van-a@gmail.com", "email [email]", ["email"]],
  ["gửi vào Tran_Thi.B+hoc@yahoo.com.vn nhé", "gửi vào [email] nhé", ["email"]],
  ["mail: abc123@cand.gov.vn", "mail: [email]", ["email"]],
  // Passwords after the cue words
  ["mật khẩu của tôi là Abc@123 mà không vào được", "mật khẩu của tôi là [mật khẩu] mà không vào được", ["password"]],
  ["mat khau la hoa1990 nhung bi khoa", "mat khau la [mật khẩu] nhung bi khoa", ["password"]],
  ["mk Abc12345 sao không đăng nhập", "mk [mật khẩu] sao không đăng nhập", ["password"]],
  ["mk: 112233", "mk: [mật khẩu]", ["password"]],
  ["pass: Nguyen@1990!", "pass: [mật khẩu]!", ["password"]],
  ["password = P@ssw0rd", "password = [mật khẩu]", ["password"]],
  ["passcode là 246810", "passcode là [mật khẩu]", ["password"]],
  ["mật khẩu VNeID của em là 135790", "mật khẩu VNeID của em là [mật khẩu]", ["password"]],
  ["mật khẩu là matkhau", "mật khẩu là [mật khẩu]", ["password"]],
  ["mật khẩu là theanh123", "mật khẩu là [mật khẩu]", ["password"]],
  // Addresses after the cue words
  ["nhà tôi ở số 12 ngõ 34 phố Huế, Hà Nội. Cách cài VNeID?", "nhà tôi ở [địa chỉ]. Cách cài VNeID?", ["address"]],
  ["nhà tôi ở thôn Đông, xã Tân Hòa thì làm CCCD ở đâu", "nhà tôi ở [địa chỉ] thì làm CCCD ở đâu", ["address"]],
  ["địa chỉ: 5 Lý Thái Tổ, Hoàn Kiếm", "địa chỉ: [địa chỉ]", ["address"]],
  ["địa chỉ nhà tôi là 20 Trần Phú, Đà Nẵng", "địa chỉ nhà tôi là [địa chỉ]", ["address"]],
  ["tôi ở số 5 ngõ 3 Cầu Giấy muốn làm hộ chiếu", "tôi ở [địa chỉ] muốn làm hộ chiếu", ["address"]],
  ["nha toi o so 7 duong Le Loi", "nha toi o [địa chỉ]", ["address"]],
  // Names people give
  ["tên tôi là Trần Thị Bình, tôi muốn hỏi", "tên tôi là [họ tên], tôi muốn hỏi", ["name"]],
  ["tôi tên Hoa năm nay 60 tuổi", "tôi tên [họ tên] năm nay 60 tuổi", ["name"]],
  ["cháu là Minh", "cháu là [họ tên]", ["name"]],
  ["tôi là Lan ở Hà Nội", "tôi là [họ tên] ở Hà Nội", ["name"]],
  ["tôi là nguyễn văn a hỏi vneid", "tôi là [họ tên] hỏi vneid", ["name"]],
  // The issue's own example: several at once
  [
    "tôi là Nguyễn Văn A, sđt 0912345678, số CCCD 001099012345, mật khẩu là Abc@123",
    "tôi là [họ tên], sđt [số điện thoại], số CCCD [số căn cước], mật khẩu là [mật khẩu]",
    ["name", "phone", "id", "password"],
  ],
];

/** Ordinary numbers and questions people ask about: never changed. */
const KEPT = [
  "gọi 113 khi có trộm",
  "tổng đài 1900 0368 của VNeID",
  "gọi 19000368",
  "đường dây nóng 1800 1090",
  "tổng đài 1900 545 415",
  "năm 2026 có phải đổi căn cước không",
  "bị lừa 500 triệu phải làm sao",
  "vay 10 triệu qua app",
  "chuyển 10.000.000 đồng bị lừa",
  "chuyển 10 000 000 đồng",
  "mất 2.500.000đ",
  "ngày 29/11/2026 hết hạn",
  "ngày 29-11-2026 hết hạn",
  "ngày 29.11.2026",
  "hạn 2026-12-31",
  "giai đoạn 2021-2025",
  "lúc 10:30 sáng",
  "quên mật khẩu VNeID thì làm sao",
  "mật khẩu là gì?",
  "mật khẩu mạnh là như thế nào",
  "mật khẩu 6 số có an toàn không",
  "đổi mật khẩu năm 2026",
  "đổi địa chỉ thường trú trên VNeID",
  "địa chỉ email là gì",
  "mã QR là gì",
  "OTP là gì, có nên đưa cho ai không",
  "mã 6 số",
  "tôi 65 tuổi, học dùng điện thoại",
  "iOS 17.4.1 cài được không",
  "căn cước có 12 số",
  "cách cài VNeID mức 2",
  "tôi là người cao tuổi, học thế nào",
  "em là học sinh lớp 9",
  "Tôi là công chức",
  "tôi là VNeID admin?",
  "tên đăng nhập VNeID là gì",
  "mk là gì",
  "passport làm ở đâu",
];

describe("redactPersonalData", () => {
  it.each(REDACTED)("redacts %j", (input, expected, kinds) => {
    const r = redactPersonalData(input);
    expect(r.text).toBe(expected);
    expect([...r.kinds].sort()).toEqual([...kinds].sort());
  });

  it.each(KEPT)("keeps %j as written", (input) => {
    const r = redactPersonalData(input);
    expect(r.text).toBe(input);
    expect(r.kinds.size).toBe(0);
  });

  it("leaves no digit of the personal numbers behind", () => {
    const all = REDACTED.map(([input]) => redact(input)).join("\n");
    for (const secret of ["0912345678", "912345678", "001099012345", "1903", "4111", "123456", "Abc@123", "gmail", "Nguyễn Văn A", "Bình"]) {
      expect(all).not.toContain(secret);
    }
  });

  /** The unanswered log only sees the search normaliser's output (lower case, punctuation gone): still redacted. */
  it.each([
    ["sđt 0912.345.678", "[số điện thoại]"],
    ["+84 912 345 678", "[số điện thoại]"],
    ["CCCD 001099012345", "[số căn cước]"],
    ["stk: 1903-1234-5678-901", "[số tài khoản]"],
    ["mã OTP: 123456", "[mã]"],
    ["email nguyen.van-a@gmail.com", "[email]"],
    ["pass: Nguyen@1990!", "[mật khẩu]"],
    ["mật khẩu của tôi là Abc@123", "[mật khẩu]"],
    ["địa chỉ nhà tôi: 5 Lý Thái Tổ", "[địa chỉ]"],
    ["nhà tôi ở số 12 ngõ 34", "[địa chỉ]"],
    ["tên tôi là Nguyễn Văn A", "[họ tên]"],
  ])("redacts normalised %j", (input, placeholder) => {
    const normalised = normalizeText(input);
    const out = redact(normalised);
    expect(out).toContain(placeholder);
    expect(out).not.toMatch(/\d{4}|nguyen van a|abc 123|1990|lý thái tổ/);
  });

  it.each(["tổng đài 1900 0368", "chuyển 10.000.000 đồng", "ngày 29-11-2026", "năm 2026 vay 500 triệu", "quên mật khẩu VNeID"])(
    "keeps normalised %j",
    (input) => {
      const normalised = normalizeText(input);
      expect(redact(normalised)).toBe(normalised);
    },
  );

  it("is idempotent", () => {
    for (const [input] of REDACTED) expect(redact(redact(input))).toBe(redact(input));
  });
});
