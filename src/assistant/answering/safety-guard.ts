import { containsPhrase, foldText } from "../dialogue/fold.js";

/**
 * The safety floor: no answer may tell a citizen to share an OTP, password or passcode, or to transfer money. It runs
 * over every composed answer (extractive or LLM-phrased). It works clause by clause on folded text, so "doc ma otp"
 * and "đọc mã OTP" are the same, and a clause that warns ("không bao giờ cung cấp mã OTP", "kẻ gian yêu cầu chuyển
 * tiền") is left alone.
 */

/** Things that must never be handed over. */
const SECRETS = [
  "otp", "ma otp", "mat khau", "passcode", "password", "ma pin", "ma xac thuc", "ma xac nhan",
  "ma bao mat", "mat ma", "ma kich hoat", "so the", "ma cvv", "cvv",
];
/**
 * Verbs that hand a secret to someone ("nhập" is not here: typing your own OTP into the official app is normal).
 * Accented for the same reason as GUARDS: folded "noi" is also "nơi" (place), "bao" is also "bảo mật".
 */
const HAND_OVER = [
  "cung cấp", "đưa", "gửi", "đọc", "nói", "bảo", "chia sẻ", "chụp", "nhắn", "cho biết", "tiết lộ", "khai",
  "điền vào link", "nhập vào link", "nhập vào đường link", "cho người", "cho nhân viên", "cho họ",
];
const FOLDED_HAND_OVER = HAND_OVER.map(foldText).filter((v) => v !== "bao" && v !== "noi");
/** Compounds that contain a hand-over verb but mean something else ("bảo mật" = keep secret). Removed first. */
const COMPOUNDS = ["bảo mật", "bảo vệ", "bảo đảm", "đảm bảo", "bảo hiểm", "thông báo", "cảnh báo", "báo cáo", "đọc kỹ", "đọc lại"];
/** The secret travelling to the citizen (the bank sends the OTP), not from them. */
const INBOUND = ["gui ve", "duoc gui", "se gui", "ngan hang gui", "he thong gui", "ung dung gui", "gui tu dong", "gui qua tin nhan sms", "gui den so dien thoai"];
/** Money leaving the citizen's account. */
const MONEY = ["chuyen tien", "chuyen khoan", "nop tien vao tai khoan", "dat coc", "nap tien cho", "ck"];
/**
 * Words that turn a clause into a warning or a description of a scam rather than an instruction. Written with
 * diacritics because folding makes some of them ambiguous ("dùng" use / "đừng" don't / "đúng" right all fold to
 * "dung"): text with diacritics is checked accented, text typed without any is checked folded.
 */
const GUARDS = [
  "không", "đừng", "chẳng", "cấm", "tránh", "cảnh giác", "nếu", "kẻ gian", "kẻ lừa đảo", "lừa đảo", "lừa",
  "giả danh", "mạo danh", "đối tượng", "yêu cầu bạn", "dụ dỗ", "thủ đoạn", "chiêu", "tuyệt đối", "hạn chế",
  "từ chối", "nghi ngờ", "chưa bao giờ", "thay vì", "ai hỏi", "ai đòi",
];
const FOLDED_GUARDS = [...GUARDS.map(foldText), "ko", "k", "hok", "hong"].filter((g) => g !== "dung" && g !== "cam");

function lowerWords(text: string): string {
  return text.normalize("NFC").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

interface Clause {
  words: string;
  folded: string;
}

/** Clauses: sentences, lines and list items are judged on their own. */
function clauses(text: string): Clause[] {
  return text
    .split(/[\n.!?;:]+|,\s+(?=\p{L})/u)
    .map((c) => ({ words: lowerWords(c), folded: foldText(c) }))
    .filter((c) => c.folded);
}

function has(folded: string, phrases: readonly string[]): boolean {
  return phrases.some((p) => containsPhrase(folded, p));
}

function hasDiacritics(clause: Clause): boolean {
  return clause.words.replace(/đ/g, "d") !== clause.folded;
}

function isGuarded(clause: Clause): boolean {
  return hasDiacritics(clause) ? has(clause.words, GUARDS) : has(clause.folded, FOLDED_GUARDS);
}

function handsOver(clause: Clause): boolean {
  if (has(clause.folded, INBOUND)) return false;
  if (!hasDiacritics(clause)) return has(clause.folded, FOLDED_HAND_OVER);
  let words = ` ${clause.words} `;
  for (const c of COMPOUNDS) words = words.split(` ${c} `).join(" ");
  return has(words.trim(), HAND_OVER);
}

/** The first clause that instructs sharing a secret or transferring money, or undefined when the text is safe. */
export function findUnsafeInstruction(text: string): string | undefined {
  for (const clause of clauses(text)) {
    if (isGuarded(clause)) continue;
    const f = clause.folded;
    if (has(f, SECRETS) && handsOver(clause)) return f;
    if (has(f, MONEY) && isMoneyInstruction(f)) return f;
  }
  return undefined;
}

/**
 * Menu labels in a banking lesson ("Chọn Chuyển tiền") are not instructions to pay someone; an instruction names a
 * recipient ("chuyển tiền vào/cho/sang ...") or is phrased as a demand ("hãy/vui lòng/cần/phải chuyển khoản").
 */
function isMoneyInstruction(clause: string): boolean {
  return MONEY.some((m) =>
    ["vao", "cho", "sang", "toi", "den", "qua so", "truoc", "ngay"].some((r) => containsPhrase(clause, `${m} ${r}`)) ||
    ["hay", "vui long", "can", "phai", "nho", "xin"].some((d) => containsPhrase(clause, `${d} ${m}`)),
  );
}

export function isSafeAnswer(text: string): boolean {
  return findUnsafeInstruction(text) === undefined;
}
