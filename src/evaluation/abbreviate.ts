import { stripDiacritics } from "./field-set.js";

/**
 * Rule-based abbreviated form of a question, for items that have no hand-typed one: the shorthand elderly users type
 * on a phone keyboard (ko, dc, dt, j, vs, r, ng…), no diacritics, politeness words dropped. Longest phrases first.
 */
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
  [/không/giu, "ko"],
  [/được/giu, "dc"],
  [/\bgì\b/giu, "j"],
  [/\bvới\b/giu, "vs"],
  [/\brồi\b/giu, "r"],
  [/\bngười\b/giu, "ng"],
  [/\bvậy\b/giu, "v"],
  [/\b(ạ|à|nhé|nhỉ|xin hỏi|cho tôi hỏi|cho hỏi)\b/giu, ""],
];

export function abbreviate(text: string): string {
  let out = text.normalize("NFC").toLowerCase();
  for (const [pattern, replacement] of RULES) out = out.replace(pattern, replacement);
  return stripDiacritics(out).replace(/[?!.,;:]+/g, " ").replace(/\s+/g, " ").trim();
}
