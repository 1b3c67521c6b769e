export { normalizeText, normalizeTokens, foldDiacritics, hasDiacritics } from "./normalize.js";
export { syllables, bigrams, charNgrams } from "./tokens.js";
export { defaultLexicon, parseLexicon } from "./lexicon.js";
export type { Lexicon } from "./lexicon.js";
export { canonicalToneStyle } from "./clean.js";
