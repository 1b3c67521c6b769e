import { memoizeText } from "../shared/text-memo.js";
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
  // Through normalizeTokens' memo: the answer path normalises the same question several times per turn.
  return normalizeTokens(text, lexicon).join(" ");
}

/** Same as `normalizeText` but returns the syllables (tokens) instead of a joined string. */
export function normalizeTokens(text: string, lexicon: Lexicon = defaultLexicon): string[] {
  // One question is normalised by the lexical ranker, the embedder and the answer composer in the same turn: the
  // last few results are remembered (per lexicon; a copy is returned, so a caller may change its array).
  const memo = recentTokens.get(lexicon) ?? new Map<string, string[]>();
  if (!recentTokens.has(lexicon)) recentTokens.set(lexicon, memo);
  let tokens = memo.get(text);
  if (!tokens) {
    tokens = expandAbbreviations(basicClean(text), lexicon);
    if (memo.size >= RECENT_TEXTS) memo.delete(memo.keys().next().value as string);
    memo.set(text, tokens);
  }
  return tokens.slice();
}

/** How many recent texts normalizeTokens remembers per lexicon (a turn's question plus its variants). */
const RECENT_TEXTS = 64;
const recentTokens = new WeakMap<Lexicon, Map<string, string[]>>();

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
 * Called per syllable millions of times while indexing and a few hundred times per question; syllables are a small
 * vocabulary, so short texts are remembered (text-memo.ts).
 *
 * @example foldDiacritics("Định danh điện tử") // "Dinh danh dien tu"
 */
export const foldDiacritics: (text: string) => string = memoizeText((text) => foldUncached(text), { limit: 50_000, maxLength: 32 });

function foldUncached(text: string): string {
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
