/**
 * Short interface labels citizens see (buttons, step headers). Vietnamese with full diacritics, NFC. Longer texts are
 * templates in prompts/; these are UI chrome, kept in one place so reviewers find them.
 */
export const UI = {
  nextStep: "Bước tiếp ▶",
  repeat: "Lặp lại",
  showAll: "Xem tất cả",
  stop: "Dừng",
  stepHeader: (n: number, total: number) => `Bước ${n}/${total}:`,
  lastStep: "Đây là bước cuối cùng.",
  allDone: "Bạn đã làm xong tất cả các bước. Bạn cần hỏi gì thêm cứ nhắn cho tôi.",
  stopped: "Đã dừng hướng dẫn. Bạn cần hỏi gì thêm cứ nhắn cho tôi.",
  noActiveSteps: "Hiện không có hướng dẫn nào đang mở. Bạn hãy gõ câu hỏi, ví dụ: \"cách cài VNeID\".",
  safetyLabel: "Lưu ý an toàn:",
  sourceLine: (title: string, section: string, updated: string) =>
    `Nguồn: ${title} – ${section} (cập nhật ${updated})`,
  choiceExpired: "Lựa chọn này đã cũ. Bạn gõ lại câu hỏi giúp tôi nhé.",
  stepHint: "Bấm \"Bước tiếp\" hoặc gõ \"tiếp\" khi bạn làm xong bước này.",
} as const;

/** Button payloads (≤ 64 bytes, Telegram callback_data). */
export const STEP_ACTIONS = { next: "s:next", repeat: "s:rep", all: "s:all", stop: "s:stop", previous: "s:prev" } as const;
