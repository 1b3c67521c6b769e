import { describe, expect, it } from "vitest";
import { findUnsafeInstruction, isSafeAnswer } from "../../../../src/assistant/index.js";

describe("safety guard", () => {
  it.each([
    "Hãy đọc mã OTP cho nhân viên ngân hàng để xác minh.",
    "Vui lòng cung cấp mã OTP vừa nhận được.",
    "vui long cung cap ma otp vua nhan",
    "doc ma OTP cho tong dai vien",
    "Gửi mật khẩu cho cán bộ để được hỗ trợ.",
    "gui mat khau qua zalo cho can bo",
    "2. Chụp ảnh tin nhắn có mã xác thực và gửi cho người hỗ trợ.",
    "Hãy chuyển tiền vào tài khoản này để nhận quà.",
    "chuyen khoan vao so tai khoan sau de duoc giai ngan",
    "Bạn cần chuyển khoản trước 2 triệu đồng phí hồ sơ.",
    "Nói mã PIN cho người gọi điện.",
  ])("rejects an instruction to share a secret or pay: %s", (text) => {
    expect(findUnsafeInstruction(text)).toBeDefined();
    expect(isSafeAnswer(text)).toBe(false);
  });

  it.each([
    "Không bao giờ cung cấp mã OTP cho bất kỳ ai.",
    "khong bao gio cung cap ma otp cho ai",
    "Đừng đọc mã OTP cho người lạ qua điện thoại.",
    "Kẻ gian yêu cầu bạn chuyển tiền vào tài khoản an toàn.",
    "Nếu ai hỏi mật khẩu, hãy cúp máy ngay.",
    "Ngân hàng không bao giờ hỏi mã OTP.",
    "Nhập mã OTP vào ứng dụng VNeID để hoàn tất đăng ký.",
    "Bảo mật mật khẩu của bạn và đổi mật khẩu định kỳ.",
    "Mã OTP là mật khẩu dùng một lần, gửi về nơi bạn đăng ký.",
    "Dùng mật khẩu dài từ 8 ký tự.",
    "Chọn mục \"Chuyển tiền\" trong ứng dụng ngân hàng để xem lịch sử.",
    "Tuyệt đối không chuyển tiền cho người lạ.",
    "Ngân hàng gửi mã OTP qua tin nhắn SMS.",
    "Mã OTP được gửi về số điện thoại của bạn.",
  ])("lets a warning or a normal step pass: %s", (text) => {
    expect(findUnsafeInstruction(text)).toBeUndefined();
  });

  it("finds the unsafe clause inside a longer safe answer", () => {
    const text = "Mã OTP dùng để xác nhận giao dịch.\n\n1. Mở tin nhắn.\n2. Đọc mã OTP cho nhân viên.\n\nNguồn: ...";
    expect(findUnsafeInstruction(text)).toContain("doc ma otp");
  });
});
