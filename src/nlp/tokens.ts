/**
 * Tokenisation helpers. Vietnamese words are written as space-separated syllables, and most meaning sits in
 * two-syllable words ("định danh", "mật khẩu"), so matchers use syllables plus adjacent-syllable bigrams.
 */

/** Syllables of already-normalised text. */
export function syllables(normalized: string): string[] {
  return normalized.split(" ").filter(Boolean);
}

/** Adjacent syllable pairs joined with "_" ("định_danh"), in order. */
export function bigrams(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) out.push(`${tokens[i]}_${tokens[i + 1]}`);
  return out;
}

/** Character n-grams of each token padded with spaces ("#mat#" style boundaries), for typo tolerance. */
export function charNgrams(tokens: readonly string[], n = 3): string[] {
  const out: string[] = [];
  for (const token of tokens) {
    const padded = ` ${token} `;
    if (padded.length <= n) {
      out.push(padded);
      continue;
    }
    for (let i = 0; i + n <= padded.length; i++) out.push(padded.slice(i, i + n));
  }
  return out;
}
