/**
 * A fixed list of folded phrases, matched on syllable boundaries. Gives the same answer as
 * `phrases.some((p) => containsPhrase(text, p))` (fold.ts), but looks each run of up to the longest phrase's word
 * count up in a Set instead of searching the text once per phrase: a question of a dozen syllables against a few
 * hundred cues is ~50 lookups instead of a few hundred searches (issue 14: cue matching ran on every message).
 * Built for short texts (messages); a long text costs one lookup per syllable per phrase length.
 */
export class PhraseSet {
  private readonly phrases: Set<string>;
  private readonly maxWords: number;

  constructor(phrases: Iterable<string>) {
    this.phrases = new Set([...phrases].filter((p) => p.length > 0));
    let max = 0;
    for (const p of this.phrases) max = Math.max(max, p.split(" ").length);
    this.maxWords = max;
  }

  get size(): number {
    return this.phrases.size;
  }

  /**
   * True when one of the phrases occurs in `folded` between syllable boundaries (start, end or a space). The text's
   * pieces between single spaces, joined back in runs, are exactly its boundary-delimited substrings.
   */
  foundIn(folded: string): boolean {
    if (this.maxWords === 0) return false;
    const words = folded.split(" ");
    for (let i = 0; i < words.length; i++) {
      let run = words[i]!;
      if (this.phrases.has(run)) return true;
      for (let n = 1; n < this.maxWords && i + n < words.length; n++) {
        run = `${run} ${words[i + n]}`;
        if (this.phrases.has(run)) return true;
      }
    }
    return false;
  }
}
