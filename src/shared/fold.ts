import { memoizeText } from "./text-memo.js";

/**
 * Minimal Vietnamese folding for matching what people type: the core's command and step words, cue lists and safety
 * guard, the channels' typed menus ("TIẾP", "tiep" and "Tiếp!" all fold to "tiep"), and lesson section slugs. The
 * retrieval normaliser (src/nlp) is richer (abbreviations, tone placement) and is used where search needs it.
 */

/**
 * NFC, lower-case, đ→d, accents removed, punctuation → space, whitespace collapsed. The same section texts, cue words
 * and menu labels are folded again on every turn (the answer composer and the safety guard fold each candidate
 * section), so recent results are remembered (text-memo.ts; at worst 2,048 entries of two ≤ 2,048-character strings).
 */
export const foldText: (text: string) => string = memoizeText((text) => fold(text), { limit: 2048, maxLength: 2048 });

function fold(text: string): string {
  return text
    .normalize("NFC")
    .toLowerCase()
    .replace(/đ/g, "d")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Folded syllables of a text. */
export function foldedTokens(text: string): string[] {
  const folded = foldText(text);
  return folded ? folded.split(" ") : [];
}

/** True when `phrase` (already folded) occurs in `folded` on syllable boundaries. */
export function containsPhrase(folded: string, phrase: string): boolean {
  if (!phrase) return false;
  // Same as ` ${folded} `.includes(` ${phrase} `) without building two strings per call.
  for (let at = folded.indexOf(phrase); at >= 0; at = folded.indexOf(phrase, at + 1)) {
    const end = at + phrase.length;
    if ((at === 0 || folded.charCodeAt(at - 1) === 32) && (end === folded.length || folded.charCodeAt(end) === 32)) return true;
  }
  return false;
}
