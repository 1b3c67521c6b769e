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
  stepsFinished: "Bạn đã làm xong tất cả các bước.",
  stopped: "Đã dừng hướng dẫn. Bạn cần hỏi gì thêm cứ nhắn cho tôi.",
  noActiveSteps: "Hiện không có hướng dẫn nào đang mở. Bạn hãy gõ câu hỏi, ví dụ: \"cách cài VNeID\".",
  safetyLabel: "Lưu ý an toàn:",
  sourceLine: (title: string, section: string, updated: string) =>
    `Nguồn: ${title} – ${section} (cập nhật ${updated})`,
  choiceExpired: "Lựa chọn này đã cũ. Bạn gõ lại câu hỏi giúp tôi nhé.",
  stepHint: "Làm xong thì bấm \"Bước tiếp\" (hoặc gõ \"tiếp\").",
  startSteps: "Làm từng bước ▶",
  welcome: "Không có gì ạ!",
  hello: "Chào bạn!",
  goodbye: "Chào bạn, hẹn gặp lại! Cần gì cứ nhắn cho tôi nhé.",
  noted: "Vâng ạ.",
  askAnything: "Bạn cần hỏi gì thêm cứ nhắn cho tôi, hoặc gõ /baihoc để học bài ngắn.",
  offerNext: (section: string, hasButtons = true) =>
    hasButtons
      ? `Việc nên làm tiếp theo: "${section}". Bấm nút bên dưới hoặc gõ "tiếp" để xem; hoặc hỏi tôi điều khác.`
      : `Việc nên làm tiếp theo: "${section}". Gõ "tiếp" để xem; hoặc hỏi tôi điều khác.`,
  nothingNext: "Hiện chưa có việc tiếp theo. Bạn cần hỏi gì cứ nhắn cho tôi.",
  otherReadings: "Nếu tôi hiểu chưa đúng ý bạn, bạn chọn một câu dưới đây (bấm, hoặc gõ số):",
  stepOffer: (hasButtons: boolean) =>
    hasButtons ? "Muốn làm theo từng bước một, bạn bấm \"Làm từng bước\" hoặc gõ \"tiếp\"." : "Muốn làm theo từng bước một, bạn gõ \"tiếp\".",
  /** One line naming where the answer came from: the first section, and the others it drew on. */
  sourcesLine: (sources: ReadonlyArray<{ title: string; section: string; updated: string }>) => {
    const [first, ...rest] = sources;
    if (!first) return "";
    const date = (iso: string) => iso.replace(/^(\d{4})-(\d{2})-(\d{2}).*$/, "$3/$2/$1");
    // Other lessons by title only: a section heading can quote what scammers say ("đọc mã OTP…").
    const others = [...new Set(rest.map((s) => s.title))].filter((t) => t !== first.title);
    const more = others.length > 0 ? `; xem thêm: ${others.join("; ")}` : "";
    return `Nguồn: ${first.title} – ${first.section} (cập nhật ${date(first.updated)})${more}`;
  },
} as const;

/** The greeting's buttons for the common starts ("say:" = as if typed; see assistant.ts). */
export const GREETING_BUTTONS = [
  { label: "Học bài ngắn", action: "say:/baihoc" },
  { label: "Cài VNeID", action: "say:cách cài VNeID" },
  { label: "Phòng lừa đảo", action: "ls:t:safety" },
  { label: "Gặp người thật", action: "say:/gapnguoi" },
] as const;

/** Button payloads (≤ 64 bytes, Telegram callback_data). */
export const STEP_ACTIONS = { next: "s:next", repeat: "s:rep", all: "s:all", stop: "s:stop", previous: "s:prev" } as const;

/** Telegram shows about this many characters on a button; longer labels are cut on a word boundary. */
const MAX_LABEL = 60;

export function shortLabel(text: string): string {
  if (text.length <= MAX_LABEL) return text;
  const cut = text.slice(0, MAX_LABEL - 1);
  return `${cut.slice(0, cut.lastIndexOf(" ") > 20 ? cut.lastIndexOf(" ") : cut.length)}…`;
}
