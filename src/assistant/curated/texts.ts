/** What citizens and admins read about curated answers and feedback (Vietnamese, full diacritics, NFC). */
export const CURATED_TEXT = {
  /** The "section" of a curated answer's source line: the answer was written and checked by the knowledge team. */
  sourceSection: "Câu trả lời đã được cán bộ duyệt",
} as const;
