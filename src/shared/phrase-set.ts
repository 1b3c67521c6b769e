/**
 * Fixed lists of folded phrases, matched on syllable boundaries. `foundIn` gives the same answer as
 * `phrases.some((p) => containsPhrase(text, p))` (fold.ts), but looks each run of up to the longest phrase's word
 * count up in a Map instead of searching the text once per phrase: a question of a dozen syllables against a few
 * hundred cues is ~50 lookups instead of a few hundred searches (issue 14: cue matching runs on every message).
 * Several lists share one index (each phrase carries the tags of the lists it is in), so a message is walked once
 * for all of them. Built for short texts (messages); a long text costs one lookup per syllable per phrase length.
 */
export class PhraseIndex<T> {
  private readonly tags = new Map<string, T[]>();
  private readonly maxWords: number;

  constructor(entries: Iterable<readonly [phrase: string, tag: T]>) {
    let max = 0;
    for (const [phrase, tag] of entries) {
      if (!phrase) continue; // containsPhrase never matches an empty phrase
      const list = this.tags.get(phrase);
      if (list) list.push(tag);
      else this.tags.set(phrase, [tag]);
      max = Math.max(max, phrase.split(" ").length);
    }
    this.maxWords = max;
  }

  /** The tags of every phrase found in `folded` (each once). */
  tagsIn(folded: string): Set<T> {
    const found = new Set<T>();
    this.walk(folded, (tags) => {
      for (const tag of tags) found.add(tag);
      return false;
    });
    return found;
  }

  /** True when any phrase occurs in `folded`. */
  foundIn(folded: string): boolean {
    return this.walk(folded, () => true);
  }

  /**
   * Visits the tags of each phrase occurring in `folded` between syllable boundaries (start, end or a space) until
   * `visit` returns true. The text's pieces between single spaces, joined back in runs, are exactly its
   * boundary-delimited substrings.
   */
  private walk(folded: string, visit: (tags: T[]) => boolean): boolean {
    if (this.maxWords === 0) return false;
    const words = folded.split(" ");
    for (let i = 0; i < words.length; i++) {
      let run = words[i]!;
      for (let n = 0; ; ) {
        const tags = this.tags.get(run);
        if (tags && visit(tags)) return true;
        if (++n >= this.maxWords || i + n >= words.length) break;
        run = `${run} ${words[i + n]}`;
      }
    }
    return false;
  }
}

/** One list of phrases: `new PhraseSet(["xo so", "thoi tiet"]).foundIn(foldText(message))`. */
export class PhraseSet extends PhraseIndex<true> {
  constructor(phrases: Iterable<string>) {
    super([...phrases].map((p) => [p, true] as const));
  }
}
