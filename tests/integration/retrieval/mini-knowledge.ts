import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

/** A valid lesson file with the given `##` sections (heading → body), for tiny knowledge dirs in temp folders. */
export function lessonFile(id: string, topic: string, title: string, sections: Record<string, string>): string {
  const quiz = [0, 1, 2, 3, 4]
    .map((i) => `  - question: Câu hỏi ${i + 1}?\n    options: [Một, Hai, Ba]\n    answer: 0\n    explanation: Vì là một.`)
    .join("\n");
  const body = Object.entries(sections)
    .map(([h, b]) => `## ${h}\n\n${b}\n\n<!-- questions\n- ${h.toLowerCase()}\n-->`)
    .join("\n\n");
  return `---\nid: ${id}\ntitle: ${title}\ntopic: ${topic}\naudience: [citizen]\nskill:\n  framework: "3139"\n  area: Sử dụng phần mềm\n  code_confirmed: false\nsources:\n  - url: https://example.gov.vn/${id}\n    title: Nguồn ${id}\n    checked: 2026-11-01\nupdated: 2026-11-02\nquiz:\n${quiz}\n---\n\nTóm tắt bài ${title}.\n\n${body}\n`;
}

/** Writes three small lessons (and the bundled lexicon) into `dir`. */
export function writeMiniKnowledge(dir: string): void {
  mkdirSync(join(dir, "vneid"), { recursive: true });
  mkdirSync(join(dir, "safety"), { recursive: true });
  writeFileSync(
    join(dir, "vneid", "vneid-cai-dat.md"),
    lessonFile("vneid-cai-dat", "vneid", "Cài đặt ứng dụng VNeID", {
      "Tải ứng dụng VNeID ở đâu?": "Chỉ tải từ kho ứng dụng chính thức.\n\n1. Mở CH Play hoặc App Store.\n2. Gõ VNeID vào ô tìm kiếm.\n3. Bấm Cài đặt.",
      "Điện thoại không cài được VNeID": "Kiểm tra phiên bản hệ điều hành và dung lượng máy.",
    }),
  );
  writeFileSync(
    join(dir, "safety", "safety-otp.md"),
    lessonFile("safety-otp", "safety", "Giữ bí mật mã OTP và mật khẩu", {
      "Mã OTP là gì?": "Mã OTP là dãy số ngân hàng gửi qua tin nhắn để xác nhận giao dịch.\n\n**Lưu ý an toàn:** Không bao giờ đọc mã OTP cho người khác.",
      "Đặt mật khẩu thế nào cho an toàn?": "Dùng mật khẩu dài, khó đoán, không dùng ngày sinh.",
    }),
  );
  writeFileSync(
    join(dir, "safety", "safety-mat-tien.md"),
    lessonFile("safety-mat-tien", "safety", "Bị mất tiền vì lừa đảo phải làm gì", {
      "Vừa bị lừa chuyển khoản": "1. Gọi ngay tổng đài ngân hàng để khóa tài khoản.\n2. Trình báo công an nơi gần nhất.",
    }),
  );
  cpSync(resolve("knowledge/lexicon"), join(dir, "lexicon"), { recursive: true });
}
