/**
 * Low-level text cleaning shared by the normaliser and the lexicon loader (kept apart so that lexicon.ts can clean
 * its keys without importing normalize.ts, which imports the lexicon).
 */

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/u;

/**
 * Vietnamese has two accepted tone placements ("hoà"/"hòa", "thuỷ"/"thủy"). Both are common in official pages and
 * in what people type, so the accented field would miss one of them; we rewrite to the newer style (tone on the
 * first vowel of open "oa", "oe", "uy"; never after "q", where "u" is part of the consonant).
 */
export function canonicalToneStyle(token: string): string {
  // Every syllable of every text goes through here; syllables are a small vocabulary, so results are remembered.
  if (token.length > 32) return canonicalToneUncached(token);
  let out = toneMemo.get(token);
  if (out === undefined) {
    if (toneMemo.size >= TONE_MEMO_LIMIT) toneMemo.clear();
    out = canonicalToneUncached(token);
    toneMemo.set(token, out);
  }
  return out;
}

const toneMemo = new Map<string, string>();
const TONE_MEMO_LIMIT = 50_000;

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
