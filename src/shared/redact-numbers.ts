/**
 * Digit runs in free text (phone, ID, account and card numbers, one-time codes) and what each one is. A run is a
 * number written with optional single spaces, dots or dashes between digit groups ("0912 345 678", "091.234.5678",
 * "1903-1234-5678-901"), because that is how people type them and how the search normaliser leaves them.
 */

export type NumberKind = "phone" | "id" | "account" | "otp";

/** Digit groups joined by one space, dot or dash; an optional "+", "+84 " or "(+84)" prefix. */
export const DIGIT_RUN = /(?<![\p{L}\p{N}@])(?:\(\+?84\)\s?|\+)?\d+(?:[ .\-]\d+)*(?![\p{L}\p{N}@])/gu;

/** Words after which a 4–8 digit number is a one-time code ("mã OTP là 123456", "mã xác thực: 4821"). */
const CODE_CUE = /(?:otp|mã|mã số|code|pin|ma xac (?:thuc|nhan)|ma otp|ma pin)[^\d\n]{0,20}$/iu;

/** Words after a number that make it an amount of money, not an account ("10 000 000 đồng"). */
const MONEY_AFTER = /^\s*(?:đ\b|đồng|dong\b|vnd|vnđ|k\b|nghìn|ngàn|nghin|ngan|triệu|trieu|tỷ|tỉ|ty\b|ti\b)/iu;

/** Hotlines and switchboards people ask about (1800/1900 numbers) are public, never personal. */
const HOTLINE = /^1[89]00(?:\d{4}|\d{6})$/;

/**
 * What a run is, or undefined when it is an ordinary number (years, amounts, dates, hotlines, short numbers).
 * `before`/`after` are the text around the run, used for cue words.
 */
export function classifyRun(run: string, before: string, after: string): NumberKind | undefined {
  const groups = run.replace(/^\(\+?84\)\s?/, "84 ").replace(/^\+/, "").split(/[ .\-]/);
  const digits = groups.join("");
  const n = digits.length;
  if (isDate(groups) || isYears(groups) || isAmount(run, groups, after) || HOTLINE.test(digits)) return undefined;
  if (n >= 4 && n <= 8 && CODE_CUE.test(before.slice(-40))) return "otp";
  if (isPhone(digits)) return "phone";
  if (n === 12 && digits.startsWith("0")) return "id"; // CCCD: 3-digit province code 001–096 first
  if (n === 9) return "id"; // the old CMND
  if (n >= 8 && n <= 19) return "account";
  return undefined;
}

function isPhone(d: string): boolean {
  if (/^0[35789]\d{8}$/.test(d)) return true; // mobile
  if (/^02\d{9}$/.test(d)) return true; // landline with area code
  return /^84[35789]\d{8}$/.test(d) || /^842\d{9}$/.test(d); // +84 / 84 without the leading 0
}

/** 29-11-2026, 29.11.2026, 2026-11-29 (and the normaliser's "29 11 2026"). */
function isDate(groups: string[]): boolean {
  if (groups.length !== 3) return false;
  const [a = "", b = "", c = ""] = groups;
  const dmy = a.length <= 2 && b.length <= 2 && c.length === 4;
  const ymd = a.length === 4 && b.length <= 2 && c.length <= 2;
  return dmy || ymd;
}

/** "2021-2025", "2025 2026": year ranges. */
function isYears(groups: string[]): boolean {
  return groups.length >= 2 && groups.every((g) => /^(?:19|20)\d\d$/.test(g));
}

/** "10.000.000", "1,500,000" always; "10 000 000" only before a money word (account numbers are spaced too). */
function isAmount(run: string, groups: string[], after: string): boolean {
  if (MONEY_AFTER.test(after)) return !/^0\d/.test(groups[0] ?? "");
  const thousands = groups.length > 1 && /^[1-9]\d{0,2}$/.test(groups[0] ?? "") && groups.slice(1).every((g) => g.length === 3);
  return thousands && /^[\d.]+$/.test(run) && run.includes(".");
}
