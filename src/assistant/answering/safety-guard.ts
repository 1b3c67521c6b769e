import { containsPhrase, foldText } from "../../shared/fold.js";

/**
 * The safety floor: no answer may tell a citizen to share an OTP, password or passcode, or to transfer money. It runs
 * over every composed answer (extractive or LLM-phrased) and works sentence by sentence:
 * - a sentence is unsafe when it names a secret and a hand-over verb, or names a money transfer as a demand;
 * - unless the sentence (or the "…:" line that introduces a list it belongs to) warns or describes a scam
 *   ("không bao giờ cung cấp mã OTP", "kẻ gian yêu cầu chuyển tiền", "Cán bộ thuế không bao giờ yêu cầu:");
 * - quoted text ("Bấm “Chuyển tiền”", a scammer's message quoted in a lesson) is not an instruction and is skipped.
 * Matching is diacritic-insensitive; words whose folded form is ambiguous are compared accented when the text has
 * diacritics ("dùng"/"đừng"/"đúng" all fold to "dung").
 */

/** Things that must never be handed over. */
const SECRETS = ["otp", "mat khau", "passcode", "password", "ma pin", "ma xac thuc", "ma xac nhan", "ma bao mat", "mat ma", "ma cvv", "cvv"];
/** Verbs that hand a secret to someone. ("nhập" is not here: typing your own OTP into the official app is normal.) */
const HAND_OVER = [
  "cung cấp", "đưa", "gửi", "đọc mã", "đọc cho", "đọc lại cho", "nói", "bảo", "chia sẻ", "chụp", "nhắn tin cho", "nhắn cho",
  "cho biết", "tiết lộ", "khai", "điền vào link", "nhập vào link", "nhập vào đường link",
];
const FOLDED_HAND_OVER = HAND_OVER.map(foldText).filter((v) => v !== "bao" && v !== "noi");
/** Compounds that contain a hand-over verb but mean something else ("bảo mật" = keep secret). Removed first. */
const COMPOUNDS = ["bảo mật", "bảo vệ", "bảo đảm", "đảm bảo", "bảo hiểm", "thông báo", "cảnh báo", "báo cáo"];
/** The secret travelling to the citizen (the bank sends the OTP), not from them. */
const INBOUND = [
  "gui ve", "gui den", "gui toi", "duoc gui", "se gui", "vua gui", "ngan hang gui", "he thong gui", "ung dung gui",
  "gui tu dong", "gui qua tin nhan",
];
/** Money leaving the citizen's account. */
const MONEY = ["chuyen tien", "chuyen khoan", "nop tien vao tai khoan", "dat coc", "nap tien cho"];
/**
 * Words that make a sentence a warning, a question or a description of a scam rather than an instruction.
 * Accented because folding makes some ambiguous; text typed without diacritics is checked folded.
 */
const GUARDS = [
  "không", "đừng", "chẳng", "cấm", "tránh", "cảnh giác", "nếu", "kẻ gian", "lừa đảo", "lừa", "giả danh", "mạo danh",
  "giả", "đối tượng", "yêu cầu", "dụ", "thủ đoạn", "chiêu", "tuyệt đối", "hạn chế", "từ chối", "nghi ngờ", "thay vì",
  "ai hỏi", "đòi", "dọa", "bắt", "chúng", "xưng", "người lạ", "có được", "có nên", "dừng", "ngừng", "thôi", "chưa gặp",
];
const FOLDED_GUARDS = [...GUARDS.map(foldText), "ko", "k", "hok", "hong"].filter((g) => g !== "dung" && g !== "cam" && g !== "gia");

function lowerWords(text: string): string {
  return text.normalize("NFC").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

interface Sentence {
  words: string;
  folded: string;
  /** Accented and folded words of the sentence plus the line that introduces its list, for the guard check. */
  scopeWords: string;
  scopeFolded: string;
}

/** Sentences, each carrying the "…:" line that introduces the list it belongs to (until the next blank line). */
function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let intro = "";
  for (const rawLine of text.replace(/“[^”\n]{0,200}”|"[^"\n]{0,200}"/g, " ").split("\n")) {
    const line = rawLine.trim();
    if (!line) {
      intro = "";
      continue;
    }
    for (const part of line.split(/(?<=[.!?;])\s+/)) {
      const words = lowerWords(part);
      if (!words) continue;
      out.push({ words, folded: foldText(part), scopeWords: `${lowerWords(intro)} ${words}`.trim(), scopeFolded: `${foldText(intro)} ${foldText(part)}`.trim() });
    }
    if (line.endsWith(":")) intro = line;
  }
  return out;
}

function has(text: string, phrases: readonly string[]): boolean {
  return phrases.some((p) => containsPhrase(text, p));
}

function hasDiacritics(s: Sentence): boolean {
  return s.words.replace(/đ/g, "d") !== s.folded;
}

function isGuarded(s: Sentence): boolean {
  return hasDiacritics(s) ? has(s.scopeWords, GUARDS) : has(s.scopeFolded, FOLDED_GUARDS);
}

const HAND_OVER_WORDS = HAND_OVER.map((v) => v.split(" "));
const FOLDED_HAND_OVER_WORDS = FOLDED_HAND_OVER.map((v) => v.split(" "));
const SECRET_WORDS = SECRETS.map((x) => x.split(" "));

/** How far after a hand-over verb the secret may come ("chụp ảnh tin nhắn có mã xác thực" = 5 words). */
const HAND_OVER_WINDOW = 6;

function matchesAt(tokens: string[], at: number, phrase: string[]): boolean {
  return phrase.every((p, k) => tokens[at + k] === p);
}

/** A hand-over verb followed closely by a secret: "đọc mã OTP cho…", "gửi mật khẩu…", "chụp ảnh tin nhắn có mã OTP". */
function handsOver(s: Sentence): boolean {
  if (has(s.folded, INBOUND)) return false;
  const accented = hasDiacritics(s);
  let stream = accented ? ` ${s.words} ` : ` ${s.folded} `;
  if (accented) for (const c of COMPOUNDS) stream = stream.split(` ${c} `).join(" ");
  const tokens = stream.trim().split(" ");
  const folded = foldText(stream).split(" ");
  const verbs = accented ? HAND_OVER_WORDS : FOLDED_HAND_OVER_WORDS;
  const secrets = SECRET_WORDS;
  for (let i = 0; i < tokens.length; i++) {
    for (const verb of verbs) {
      if (!matchesAt(tokens, i, verb)) continue;
      const from = i + verb.length - 1;
      for (let j = from; j <= from + HAND_OVER_WINDOW && j < folded.length; j++) {
        if (secrets.some((x) => matchesAt(folded, j, x))) return true;
      }
    }
  }
  return false;
}

/**
 * Menu labels in a banking lesson ("Chọn Chuyển tiền") are not instructions to pay someone; an instruction names a
 * recipient ("chuyển tiền vào/cho/sang ...") or is phrased as a demand ("hãy/vui lòng/cần/phải chuyển khoản").
 */
function isMoneyInstruction(folded: string): boolean {
  return MONEY.some(
    (m) =>
      ["vao", "cho", "sang", "toi", "den", "qua so", "truoc", "ngay"].some((r) => containsPhrase(folded, `${m} ${r}`)) ||
      ["hay", "vui long", "can", "phai", "nho", "xin"].some((d) => containsPhrase(folded, `${d} ${m}`)),
  );
}

/**
 * Recent verdicts by text. Every answer is checked twice (the whole section and the composed reply), and both are
 * mostly the same few hundred texts, so a bounded memo saves most of the guard's work; the check is a pure function
 * of the text, so verdicts are identical. Cleared whenever it fills; long texts are checked without being kept.
 */
const verdicts = new Map<string, string | undefined>();
const VERDICT_CACHE_LIMIT = 1024;
const VERDICT_CACHE_MAX_LENGTH = 4096;

/** The first sentence that instructs sharing a secret or transferring money (folded), or undefined when safe. */
export function findUnsafeInstruction(text: string): string | undefined {
  if (text.length > VERDICT_CACHE_MAX_LENGTH) return firstUnsafe(text);
  if (verdicts.has(text)) return verdicts.get(text);
  if (verdicts.size >= VERDICT_CACHE_LIMIT) verdicts.clear();
  const verdict = firstUnsafe(text);
  verdicts.set(text, verdict);
  return verdict;
}

function firstUnsafe(text: string): string | undefined {
  for (const s of sentences(text)) {
    if (isGuarded(s)) continue;
    if (has(s.folded, SECRETS) && handsOver(s)) return s.folded;
    if (has(s.folded, MONEY) && isMoneyInstruction(s.folded)) return s.folded;
  }
  return undefined;
}

export function isSafeAnswer(text: string): boolean {
  return findUnsafeInstruction(text) === undefined;
}
