import { foldDiacritics } from "../nlp/index.js";

/**
 * Question-framing phrases ("làm sao", "thế nào", "là gì", "ở đâu"...). Nearly every section heading and paraphrase
 * contains one, so in a query they match the *form* of a question rather than its subject: "làm sao biết link giả"
 * would rank "Làm sao biết Zalo của mình có bị người khác đăng nhập?" first on "làm sao biết" alone. They are dropped
 * from the query's terms (never from the index), and bigrams are not formed across the gap they leave.
 * Only multi-syllable phrases and unambiguous particles: single syllables such as "thế" or "đâu" fold to the same
 * letters as content words ("thẻ", "đau"), so they stay.
 */
const PHRASES = [
  "như thế nào",
  "làm thế nào",
  "làm sao",
  "thế nào",
  "ra sao",
  "là gì",
  "ở đâu",
  "chỗ nào",
  "được không",
  "có không",
  "có phải",
  "phải không",
  "vậy",
  "nhé",
  "nha",
  "nhen",
  "ạ",
  "ơi",
  "hả",
].map((p) => foldDiacritics(p).split(" "));

/** Splits normalised query tokens into runs separated by question-framing phrases (see above). */
export function splitOnQuestionWords(tokens: readonly string[]): string[][] {
  const folded = tokens.map((t) => foldDiacritics(t));
  const runs: string[][] = [];
  let current: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    const phrase = PHRASES.find((p) => p.every((syllable, k) => folded[i + k] === syllable));
    if (phrase) {
      if (current.length > 0) runs.push(current);
      current = [];
      i += phrase.length;
      continue;
    }
    current.push(tokens[i] ?? "");
    i++;
  }
  if (current.length > 0) runs.push(current);
  return runs;
}
