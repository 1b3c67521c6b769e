/**
 * Minimal Vietnamese folding for the core's own matching (command words, step words, cue lists, the safety guard).
 * The retrieval owner's normaliser (src/nlp) is richer and is injected where answers need it; this one exists so the
 * core never depends on an adapter and stays correct even without it.
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
