import { bigrams, foldDiacritics, hasDiacritics, normalizeTokens, type Lexicon } from "../nlp/index.js";

/** Term maps for the two lexical fields: folded (matches text typed without accents) and accented (exact). */
export interface AnalyzedText {
  folded: Map<string, number>;
  accented: Map<string, number>;
}

/** Splits on sentence punctuation first so that bigrams never join the end of one sentence to the next. */
function segments(text: string): string[] {
  return text.split(/[.?!;:\n()"“”]+/u).filter((s) => s.trim());
}

function add(map: Map<string, number>, term: string, weight: number): void {
  map.set(term, (map.get(term) ?? 0) + weight);
}

/** Adds the syllables and bigrams of already-normalised tokens to both fields. */
export function addTokens(out: AnalyzedText, tokens: readonly string[], weight: number, accentedOnlyIfMarked: boolean): void {
  const folded = tokens.map((t) => foldDiacritics(t));
  for (const t of folded) add(out.folded, t, weight);
  for (const t of bigrams(folded)) add(out.folded, t, weight);
  tokens.forEach((t, i) => {
    if (!accentedOnlyIfMarked || hasDiacritics(t)) add(out.accented, t, weight);
    const next = tokens[i + 1];
    if (next !== undefined && (!accentedOnlyIfMarked || hasDiacritics(t) || hasDiacritics(next))) {
      add(out.accented, `${t}_${next}`, weight);
    }
  });
}

/** Indexes weighted document fields (see chunkFields). */
export function analyzeDocument(fields: ReadonlyArray<{ text: string; weight: number }>, lexicon: Lexicon): AnalyzedText {
  const out: AnalyzedText = { folded: new Map(), accented: new Map() };
  for (const field of fields) {
    for (const segment of segments(field.text)) addTokens(out, normalizeTokens(segment, lexicon), field.weight, false);
  }
  return out;
}
