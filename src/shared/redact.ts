/**
 * Removes personal data from free text before it is stored or logged (issue 11): phone, CCCD/CMND, bank account and
 * card numbers, one-time codes, e-mail addresses, passwords, home addresses and names people give ("tên tôi là …")
 * become Vietnamese placeholders. Ordinary numbers people ask about (hotlines 113 and 1900 xxxx, years, amounts,
 * dates) are kept, so the knowledge team can still read what was asked. It works on raw text and on the search
 * normaliser's output (lower case, no punctuation), because the unanswered log only ever sees the latter.
 */
import { classifyRun, DIGIT_RUN, type NumberKind } from "./redact-numbers.js";

export type PersonalDataKind = NumberKind | "email" | "password" | "address" | "name";

export const PLACEHOLDERS: Record<PersonalDataKind, string> = {
  phone: "[số điện thoại]",
  id: "[số căn cước]",
  account: "[số tài khoản]",
  otp: "[mã]",
  email: "[email]",
  password: "[mật khẩu]",
  address: "[địa chỉ]",
  name: "[họ tên]",
};

export interface Redaction {
  text: string;
  /** Kinds of personal data found (empty when the text was clean). */
  kinds: Set<PersonalDataKind>;
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
/** The normaliser turns "nguyen.van-a@gmail.com" into "nguyen van a gmail com": recognised by the mail provider. */
const NORMALISED_EMAIL = /(?<![\p{L}\p{N}])(?:[a-z0-9]+ ){1,4}(?:gmail|yahoo|hotmail|outlook|icloud|ymail|protonmail|proton) (?:com|vn|net)(?: vn)?(?![\p{L}\p{N}])/gu;
/** Words that are never part of an address's local part (they introduce it). */
const EMAIL_LEAD_WORDS = new Set(["email", "mail", "gmail", "la", "cua", "toi", "em", "minh", "vao", "gui", "tu", "den", "dia", "chi", "tai", "khoan"]);

/** "mật khẩu (vneid) (của tôi) là|: X", "mk X1", "pass: X". The cue words stay; only the value is replaced. */
const PASSWORD_CUE =
  /(?<![\p{L}\p{N}])(?:mật khẩu|mat khau|mk|passcode|password|pass|pw|pwd)(?![\p{L}\p{N}])(?:\s+(?:mới|moi|cũ|cu|\p{L}*(?:id|zalo|facebook|bank|pay)|ngân hàng|ngan hang|đăng nhập|dang nhap))?(?:\s+(?:của|cua)\s+(?:tôi|toi|em|mình|minh|tao|con|cháu|chau|bà|ba|ông|ong))?\s*(?:(?:là|la|=|:)\s*)?/giu;

/** "nhà tôi ở …", "địa chỉ (nhà) (của tôi) là|: …" (or "địa chỉ nhà tôi 5 …" once normalised), "tôi ở số …". */
const ADDRESS_CUE =
  /(?<![\p{L}\p{N}])(?:(?:nhà|nha)\s+(?:tôi|toi|em|mình|minh|tao|con|cháu|chau|chúng tôi|chung toi)\s+(?:ở|o)\s+|(?:địa chỉ|dia chi)(?:\s+(?:nhà|nha))?(?:\s+(?:của|cua))?(?:\s+(?:tôi|toi|em|mình|minh))?\s*(?::|là|la)\s*|(?:địa chỉ|dia chi)(?:\s+(?:nhà|nha))?(?:\s+(?:của|cua))?\s+(?:tôi|toi|em|mình|minh)\s+(?=(?:(?:số|so)\s+)?\d)|(?:tôi|toi|em|mình|minh)\s+(?:sống|song)?\s*(?:ở|o)\s+(?=(?:số|so)\s+\d))/giu;

/**
 * Words that end a password or an address: the rest of the sentence is the question, keep it. Unaccented forms that
 * are also place names (nam, lan, cho, can, da, van…) are left out on purpose.
 */
const STOP_WORDS = new Set(
  ("thì thi mà ma nhưng nhung nên nen vẫn không khong ko chưa chua bị bi có co đã để de và va hay hoặc hoac với voi " +
    "sao làm lam muốn muon cần giờ gio bây rồi roi thế vậy vay phải phai được duoc đc dc tôi toi em mình minh năm lần").split(" "),
);
/** A password value is never a question word ("mật khẩu là gì?"). */
const QUESTION_WORDS = /^(?:(?:gì|gi|sao|nào|nao|như|nhu|bao|thế|the|ở|o|đâu|dau|ai|mấy|may)(?![\p{L}\p{N}])|\?)/iu;

/** "tên tôi là …", "tôi tên …": whatever follows is a name. "tôi là …" only when a name follows (see below). */
const NAME_CUE =
  /(?<![\p{L}\p{N}])(?:(?:(?:tên|ten)\s+(?:(?:của|cua)\s+)?(?:tôi|toi|em|mình|minh)|(?:tôi|toi|em|mình|minh)\s+(?:tên|ten))(?:\s+(?:là|la))?|(?:tôi|toi|em|mình|minh|cháu|chau|con)\s+(?:là|la))\s+/giu;
/** Common family names: "tôi là nguyễn văn a" is a name even after the normaliser lower-cased it. */
const SURNAMES = new Set(
  ("nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý đinh trịnh trương lương đoàn " +
    "nguyen tran pham hoang huynh dang bui ngo duong dinh trinh truong luong doan").split(" "),
);

const NAME_STOP_WORDS = new Set([...STOP_WORDS, ..."số so sđt sdt hỏi hoi ở sinh tuổi tuoi năm nay".split(" ")]);

/** Names after NAME_CUE: after "tôi là" only a capitalised word or a family name starts one ("tôi là người già" stays). */
function replaceNames(text: string, mark: (k: PersonalDataKind) => string): string {
  let out = "";
  let from = 0;
  for (const m of text.matchAll(NAME_CUE)) {
    const start = (m.index ?? 0) + m[0].length;
    if (start < from) continue;
    const explicit = /t[êe]n/iu.test(m[0]);
    const tokens = [...text.slice(start).matchAll(/\S+/gu)];
    let end = 0;
    for (const [i, t] of tokens.entries()) {
      const word = t[0].replace(/[^\p{L}]/gu, "");
      // "Lan", "Minh", "A": capitalised, the rest lower case (VNeID or CCCD are not names).
      const capitalised = /^\p{Lu}\p{Ll}*$/u.test(word);
      if (i === 0 && !explicit && !capitalised && !SURNAMES.has(word.toLowerCase())) break;
      if (!word || i >= 4 || (!capitalised && NAME_STOP_WORDS.has(word.toLowerCase()))) break;
      // In raw text a name is its capitalised words; lower-case text (normalised) gets up to four words.
      if (i > 0 && /^\p{Lu}/u.test(text.slice(start, start + 1)) && !capitalised) break;
      end = (t.index ?? 0) + t[0].replace(/[.,;:!?]+$/, "").length;
      if (/[.,;:!?]$/.test(t[0])) break;
    }
    if (!end) continue;
    out += text.slice(from, start) + mark("name");
    from = start + end;
  }
  return out + text.slice(from);
}

/** Redacts `text`; returns the redacted text and the kinds of personal data found. */
export function redactPersonalData(text: string): Redaction {
  const kinds = new Set<PersonalDataKind>();
  const mark = (kind: PersonalDataKind) => {
    kinds.add(kind);
    return PLACEHOLDERS[kind];
  };
  let out = text.normalize("NFC");
  out = out.replace(EMAIL, () => mark("email"));
  out = out.replace(NORMALISED_EMAIL, (m) => {
    const words = m.split(" ");
    const provider = words.findIndex((w) => /^(?:gmail|yahoo|hotmail|outlook|icloud|ymail|protonmail|proton)$/.test(w));
    let start = provider;
    while (start > 0 && !EMAIL_LEAD_WORDS.has(words[start - 1] ?? "")) start -= 1;
    return [...words.slice(0, start), mark("email")].join(" ");
  });
  out = replaceValues(out, PASSWORD_CUE, "password", 3, mark);
  out = replaceValues(out, ADDRESS_CUE, "address", 14, mark);
  out = replaceNames(out, mark);
  out = out.replace(DIGIT_RUN, (run, offset: number, whole: string) => redactRun(run, whole.slice(0, offset), whole.slice(offset + run.length), mark));
  return { text: out, kinds };
}

/** Just the redacted text. */
export function redact(text: string): string {
  return redactPersonalData(text).text;
}

/** A run that is too long to be one number is two numbers typed side by side: classify each group alone. */
function redactRun(run: string, before: string, after: string, mark: (k: PersonalDataKind) => string): string {
  const kind = classifyRun(run, before, after);
  if (kind) return mark(kind);
  if (run.replace(/\D/g, "").length <= 19) return run;
  return run.replace(/\d+/g, (g) => {
    const k = classifyRun(g, before, after);
    return k ? mark(k) : g;
  });
}

/**
 * After each cue, replaces the value: whitespace-separated tokens up to a sentence end, a stop word or `maxTokens`.
 * A password cue without "là"/":" only counts when the value looks like one (has a digit or a symbol), so "quên mật
 * khẩu VNeID" stays as asked.
 */
function replaceValues(text: string, cue: RegExp, kind: "password" | "address", maxTokens: number, mark: (k: PersonalDataKind) => string): string {
  let out = "";
  let from = 0;
  for (const m of text.matchAll(cue)) {
    const start = (m.index ?? 0) + m[0].length;
    if (start < from) continue;
    const value = takeValue(text.slice(start), separatedCue(m[0]) || kind === "address" ? maxTokens : 2);
    if (!value) continue;
    const separated = separatedCue(m[0]) || kind === "address";
    if (value.startsWith("[") || (kind === "password" && QUESTION_WORDS.test(value))) continue;
    // Without "là"/":" a value must look like a password: a token of 4+ characters with a digit or a symbol.
    if (!separated && !value.split(/\s+/).some((t) => t.length >= 4 && /[\d\p{P}\p{S}]/u.test(t))) continue;
    out += text.slice(from, start) + mark(kind);
    from = start + value.length;
  }
  return out + text.slice(from);
}

const separatedCue = (cue: string) => /(?:là|la|=|:)\s*$/iu.test(cue);

/** The value after a cue (see replaceValues): tokens up to a stop word, a sentence end or `maxTokens`. */
function takeValue(rest: string, maxTokens: number): string {
  let taken = 0;
  let n = 0;
  for (const m of rest.matchAll(/\S+/gu)) {
    const token = m[0];
    if (STOP_WORDS.has(token.toLowerCase().replace(/[^\p{L}]/gu, ""))) break;
    if (n > 0 && /\n/.test(rest.slice(taken, m.index))) break;
    taken = (m.index ?? 0) + token.length;
    n += 1;
    if (n >= maxTokens || /[.?!;]$/.test(token)) break;
  }
  // Sentence punctuation after the value stays in the text.
  return rest.slice(0, taken).replace(/[.?!,;]+$/, "");
}
