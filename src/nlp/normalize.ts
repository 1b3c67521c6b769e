import { basicClean } from "./clean.js";
import { defaultLexicon, type Lexicon } from "./lexicon.js";

/**
 * Normalises what a citizen typed into the canonical form every matcher uses: Unicode NFC, lower case, punctuation
 * and extra whitespace removed, canonical tone placement, and abbreviations / chat spellings expanded from the
 * lexicon ("dt ko dc" → "điện thoại không được"). Diacritics are kept (see `foldDiacritics` for matching without).
 *
 * @example normalizeText("ĐT ko dc!!") // "điện thoại không được"
 */
export function normalizeText(text: string, lexicon: Lexicon = defaultLexicon): string {
  return expandAbbreviations(basicClean(text), lexicon).join(" ");
}

/** Same as `normalizeText` but returns the syllables (tokens) instead of a joined string. */
export function normalizeTokens(text: string, lexicon: Lexicon = defaultLexicon): string[] {
  return expandAbbreviations(basicClean(text), lexicon);
}

/** Greedy longest-match expansion: phrases first ("tat ca" protects "ca" → "công an"), then single tokens. */
function expandAbbreviations(tokens: string[], lexicon: Lexicon): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    let matched = false;
    for (let n = Math.min(lexicon.maxPhraseTokens, tokens.length - i); n >= 1; n--) {
      const expansion = lexicon.abbreviations.get(tokens.slice(i, i + n).join(" "));
      if (expansion) {
        out.push(...expansion);
        i += n;
        matched = true;
        break;
      }
    }
    if (!matched) out.push(tokens[i++] ?? "");
  }
  return out;
}

/**
 * Strips Vietnamese diacritics for matching: "đ" → "d", every accent and tone removed; case is kept.
 * mất / mật / mặt all fold to "mat", which is why matchers keep an accented field too.
 *
 * @example foldDiacritics("Định danh điện tử") // "Dinh danh dien tu"
 */
export function foldDiacritics(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .normalize("NFC");
}

/** True when the text carries at least one Vietnamese diacritic (so the writer chose accents deliberately). */
export function hasDiacritics(text: string): boolean {
  return foldDiacritics(text) !== text.normalize("NFC");
}
