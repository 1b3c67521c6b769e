/**
 * Minimal Vietnamese folding for matching what people type: the core's command and step words, cue lists and safety
 * guard, the channels' typed menus ("TIẾP", "tiep" and "Tiếp!" all fold to "tiep"), and lesson section slugs. The
 * retrieval normaliser (src/nlp) is richer (abbreviations, tone placement) and is used where search needs it.
 */

/** NFC, lower-case, đ→d, accents removed, punctuation → space, whitespace collapsed. */
export function foldText(text: string): string {
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
  return ` ${folded} `.includes(` ${phrase} `);
}
