/** What citizens read around the feedback buttons (Vietnamese, full diacritics). */
export const FEEDBACK_TEXT = {
  helpful: "👍 Hữu ích",
  notHelpful: "👎 Chưa đúng ý tôi",
  thanksUp: "Cảm ơn bạn! Tôi rất vui vì câu trả lời giúp được bạn. Bạn cần hỏi gì thêm cứ nhắn cho tôi.",
  thanksDown: "Cảm ơn bạn đã cho tôi biết. Tôi đã ghi lại câu hỏi để cán bộ xem và bổ sung câu trả lời cho đúng hơn.",
  otherReadings: "Có thể bạn muốn hỏi một trong các ý dưới đây (bấm, hoặc gõ số):",
  askDifferently:
    "Bạn thử hỏi lại theo cách khác nhé, ví dụ nói rõ tên ứng dụng và việc bạn muốn làm (\"cách đổi mật khẩu Zalo\"). Muốn nói chuyện với người thật, bạn gõ /gapnguoi.",
  stale: "Cảm ơn bạn đã góp ý! Bạn cần hỏi gì thêm cứ nhắn cho tôi.",
} as const;
