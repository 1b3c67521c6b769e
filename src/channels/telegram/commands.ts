import type { BotCommand } from "telegraf/types";

/** The command menu Telegram shows next to the input box (setMyCommands), in Vietnamese. */
export const telegramCommands: BotCommand[] = [
  { command: "start", description: "Bắt đầu, giới thiệu trợ lý" },
  { command: "hoi", description: "Đặt câu hỏi, ví dụ: /hoi cách cài VNeID" },
  { command: "baihoc", description: "Xem các bài học" },
  { command: "kiemtra", description: "Làm bài kiểm tra ngắn" },
  { command: "tiendo", description: "Xem tiến độ học của tôi" },
  { command: "trogiup", description: "Hướng dẫn sử dụng" },
  { command: "hoso", description: "Hồ sơ học tập của tôi" },
  { command: "lienket", description: "Liên kết với Trợ lý số trên Zalo" },
  { command: "moi", description: "Nhập mã mời của Đại sứ số, ví dụ: /moi 123456" },
  { command: "daisu", description: "Đại sứ số: xem người mình hướng dẫn" },
  { command: "gapnguoi", description: "Gặp người thật ở xã, phường" },
];
