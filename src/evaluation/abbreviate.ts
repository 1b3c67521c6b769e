import { stripDiacritics } from "./field-set.js";

/**
 * A whole word: JavaScript's `\b` is ASCII-only, so `\bà\b` would match the "à" inside "vào" and `\bgì\b` would
 * never match "gì" at all. These look-arounds treat every Unicode letter and digit as part of a word.
 */
const word = (alternatives: string) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, "giu");

const RULES: Array<[RegExp, string]> = [
  [/số điện thoại/giu, "sdt"],
  [/điện thoại/giu, "dt"],
  [/căn cước công dân|căn cước/giu, "cccd"],
  [/chuyển khoản/giu, "ck"],
  [/ngân hàng/giu, "nh"],
  [/tài khoản/giu, "tk"],
  [/mật khẩu/giu, "mk"],
  [/dịch vụ công/giu, "dvc"],
  [/bảo hiểm y tế/giu, "bhyt"],
  [word("không"), "ko"],
  [word("được"), "dc"],
  [word("gì"), "j"],
  [word("với"), "vs"],
  [word("rồi"), "r"],
  [word("người"), "ng"],
  [word("vậy"), "v"],
  [word("ạ|à|nhé|nhỉ|xin hỏi|cho tôi hỏi|cho hỏi"), ""],
];

/**
 * Rule-based abbreviated form of a question, for items that have no hand-typed one: the shorthand elderly users type
 * on a phone keyboard (ko, dc, dt, j, vs, r, ng…), no diacritics, politeness words dropped. Longest phrases first.
 */
export function abbreviate(text: string): string {
  let out = text.normalize("NFC").toLowerCase();
  for (const [pattern, replacement] of RULES) out = out.replace(pattern, replacement);
  return stripDiacritics(out).replace(/[?!.,;:]+/g, " ").replace(/\s+/g, " ").trim();
}
