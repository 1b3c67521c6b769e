import { foldText } from "../../shared/fold.js";

export type StepCommand = "next" | "repeat" | "previous" | "all" | "stop";

/**
 * What people type instead of tapping a button. Accented forms are compared accented (so "đúng" is not "dừng");
 * text typed without any diacritics is compared folded ("tiep", "lap lai", "dung").
 */
const WORDS: Record<StepCommand, string[]> = {
  next: ["tiếp", "tiếp theo", "tiếp đi", "bước tiếp", "bước tiếp theo", "làm từng bước", "từng bước", "bắt đầu", "ok", "oke", "okay", "xong", "xong rồi", "rồi", "làm xong", "được rồi", "next"],
  repeat: ["lặp lại", "nhắc lại", "đọc lại", "nói lại", "lại", "lap lai"],
  previous: ["quay lại", "bước trước", "lùi lại", "trở lại", "back"],
  all: ["xem tất cả", "tất cả", "xem hết", "xem toàn bộ", "cả bài"],
  stop: ["dừng", "dừng lại", "thôi", "hủy", "huỷ", "ngừng", "stop", "thoát"],
};

const ACCENTED = new Map<string, StepCommand>();
const FOLDED = new Map<string, StepCommand>();
for (const [command, words] of Object.entries(WORDS) as Array<[StepCommand, string[]]>) {
  for (const w of words) {
    ACCENTED.set(w.normalize("NFC"), command);
    if (!FOLDED.has(foldText(w))) FOLDED.set(foldText(w), command);
  }
}

export function stepCommandFromText(text: string): StepCommand | undefined {
  const words = text.normalize("NFC").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  if (!words) return undefined;
  const folded = foldText(words);
  const hasDiacritics = words.replace(/đ/g, "d") !== folded;
  return hasDiacritics ? ACCENTED.get(words) : FOLDED.get(folded);
}

/** Words that ask for the next step explicitly ("tiếp", "bước tiếp", "làm từng bước"), as opposed to "ok" or "rồi". */
const EXPLICIT_NEXT = new Set(["tiep", "tiep theo", "tiep di", "buoc tiep", "buoc tiep theo", "next", "lam tung buoc", "bat dau", "tung buoc"]);

export function startsSteps(text: string): boolean {
  return EXPLICIT_NEXT.has(foldText(text));
}
