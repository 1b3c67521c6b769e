/**
 * Minimal Vietnamese folding for matching what people type: the core's command and step words, cue lists and safety
 * guard, the channels' typed menus ("TIẾP", "tiep" and "Tiếp!" all fold to "tiep"), and lesson section slugs. The
 * retrieval normaliser (src/nlp) is richer (abbreviations, tone placement) and is used where search needs it.
 */

/**
 * Recent results of foldText. The same section texts, cue words and menu labels are folded again on every turn (the
 * answer composer and the safety guard fold each candidate section), so a bounded memo saves a large share of an
 * answer's CPU; folding is a pure function, so results are identical. Cleared whenever it fills.
 */
const foldMemo = new Map<string, string>();
const FOLD_CACHE_LIMIT = 2048;
/** Longer texts are folded without being remembered, which bounds the memo (at worst 2,048 entries of two ≤ 2,048-character strings). */
const FOLD_CACHE_MAX_LENGTH = 2048;

/** NFC, lower-case, đ→d, accents removed, punctuation → space, whitespace collapsed. */
export function foldText(text: string): string {
  if (text.length > FOLD_CACHE_MAX_LENGTH) return fold(text);
  let out = foldMemo.get(text);
  if (out === undefined) {
    if (foldMemo.size >= FOLD_CACHE_LIMIT) foldMemo.clear();
    out = fold(text);
    foldMemo.set(text, out);
  }
  return out;
}

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
