/**
 * Low-level text cleaning shared by the normaliser and the lexicon loader (kept apart so that lexicon.ts can clean
 * its keys without importing normalize.ts, which imports the lexicon).
 */

import { memoizeText } from "../shared/text-memo.js";

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/u;

/**
 * Vietnamese has two accepted tone placements ("hoà"/"hòa", "thuỷ"/"thủy"). Both are common in official pages and
 * in what people type, so the accented field would miss one of them; we rewrite to the newer style (tone on the
 * first vowel of open "oa", "oe", "uy"; never after "q", where "u" is part of the consonant). Every syllable of every
 * text goes through here; syllables are a small vocabulary, so results are remembered (text-memo.ts).
 */
export const canonicalToneStyle: (token: string) => string = memoizeText((token) => canonicalToneUncached(token), { limit: 50_000, maxLength: 32 });

function canonicalToneUncached(token: string): string {
  const nfd = token.normalize("NFD");
  const m = /^(.*?)(o|u)(a|e|y)([\u0300\u0301\u0303\u0309\u0323])$/u.exec(nfd);
  if (!m) return token;
  const [, head = "", first = "", second = "", tone = ""] = m;
  if (first === "o" && second === "y") return token;
  if (first === "u" && second !== "y") return token;
  if (head.endsWith("q") || TONE_MARKS.test(head)) return token;
  return `${head}${first}${tone}${second}`.normalize("NFC");
}

/**
 * NFC, lower case, "20tr" → "20 tr", punctuation and symbols to spaces, runs of 3+ identical letters collapsed
 * ("khôngggg"), tone placement made canonical. Returns the tokens (syllables).
 */
export function basicClean(text: string): string[] {
  return text
    .normalize("NFC")
    .toLowerCase()
    .replace(/(\d)tr\b/gu, "$1 tr")
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, " ")
    .replace(/(\p{L})\1{2,}/gu, "$1")
    .trim()
    .split(" ")
    .filter(Boolean)
    .map(canonicalToneStyle);
}
