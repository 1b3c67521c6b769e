import { foldDiacritics, hasDiacritics, normalizeTokens, type Lexicon } from "../nlp/index.js";
import { addTokens, type AnalyzedText } from "./analyzer.js";
import { Bm25Index, type Bm25Data, type Bm25Layout } from "./bm25.js";
import { splitOnQuestionWords } from "./question-words.js";
import { topPositions } from "./top-k.js";

/** Weight of the accented field relative to the folded one: a bonus for exact-accent matches, never a filter. */
const ACCENT_WEIGHT = 0.6;
/** Synonyms and restored accents are hints, not what the user typed. */
const SYNONYM_WEIGHT = 0.4;
const RESTORED_WEIGHT = 0.3;

export interface LexicalData {
  folded: Bm25Data;
  accented: Bm25Data;
}

/** The same two indexes, built in memory (no JSON round trip). */
export interface LexicalIndexes {
  folded: Bm25Index;
  accented: Bm25Index;
}

/** Both indexes' arrays, for the ranking thread (see Bm25Layout). */
export interface LexicalLayout {
  folded: Bm25Layout;
  accented: Bm25Layout;
}

/** Query terms for both fields, plus the folded terms the user actually typed (for coverage). */
export interface QueryTerms extends AnalyzedText {
  typed: Map<string, number>;
}

export interface RankedDoc {
  doc: number;
  score: number;
}

/**
 * BM25 over two fields: folded syllables + bigrams (so "dinh danh" finds "định danh") and accented syllables +
 * bigrams (so "mật khẩu" prefers "mật khẩu" over "mất" or "mặt"). Queries are expanded with the synonym map, and a
 * query typed without accents gets its bigrams' accents restored from the knowledge base's own vocabulary.
 */
export class LexicalRanker {
  private readonly folded: Bm25Index;
  private readonly accented: Bm25Index;
  /** Folded bigram → the accented bigram that the knowledge base uses most for it. */
  private readonly restore = new Map<string, string>();

  /** `fold` may be a memoised foldDiacritics: the index builder keeps one across re-indexes (issue 13). */
  constructor(
    data: LexicalData | LexicalIndexes,
    private readonly lexicon: Lexicon,
    fold: (term: string) => string = foldDiacritics,
  ) {
    this.folded = data.folded instanceof Bm25Index ? data.folded : Bm25Index.fromJSON(data.folded);
    this.accented = data.accented instanceof Bm25Index ? data.accented : Bm25Index.fromJSON(data.accented);
    const best = new Map<string, { term: string; df: number }>();
    for (const [term, df] of this.accented.termFrequencies()) {
      if (!term.includes("_")) continue;
      const key = fold(term);
      const current = best.get(key);
      if (!current || df > current.df) best.set(key, { term, df });
    }
    for (const [key, { term }] of best) if (key !== term) this.restore.set(key, term);
  }

  get size(): number {
    return this.folded.size;
  }

  layout(): LexicalLayout {
    return { folded: this.folded.layout(), accented: this.accented.layout() };
  }

  static fromLayout(layout: LexicalLayout, lexicon: Lexicon): LexicalRanker {
    return new LexicalRanker({ folded: Bm25Index.fromLayout(layout.folded), accented: Bm25Index.fromLayout(layout.accented) }, lexicon);
  }

  /** Turns a raw question into weighted query terms for both fields. */
  analyzeQuery(query: string): QueryTerms {
    const out: AnalyzedText = { folded: new Map(), accented: new Map() };
    const all = normalizeTokens(query, this.lexicon);
    // A query that is nothing but question words ("làm sao?") keeps them: there is nothing else to match on.
    const runs = splitOnQuestionWords(all);
    const kept = runs.length > 0 ? runs : [all];
    for (const run of kept) addTokens(out, run, 1, true);
    const tokens = kept.flat();
    const typed = new Map(out.folded);
    const foldedText = ` ${tokens.map((t) => foldDiacritics(t)).join(" ")} `;
    for (const group of this.lexicon.synonyms) {
      const present = group.filter((m) => foldedText.includes(` ${foldDiacritics(m)} `));
      if (present.length === 0) continue;
      for (const member of group) {
        if (!present.includes(member)) addTokens(out, member.split(" "), SYNONYM_WEIGHT, true);
      }
    }
    if (!hasDiacritics(query)) {
      for (const term of [...out.folded.keys()]) {
        const restored = this.restore.get(term);
        if (restored && !out.accented.has(restored)) out.accented.set(restored, RESTORED_WEIGHT);
      }
    }
    return { ...out, typed };
  }

  /** Documents with a positive score, best first (ties broken by document order, for determinism). */
  rank(analyzed: AnalyzedText, limit: number): RankedDoc[] {
    const folded = this.folded.score(analyzed.folded);
    const accented = this.accented.score(analyzed.accented);
    const scores = new Float64Array(folded.length);
    const positive: number[] = [];
    for (let doc = 0; doc < folded.length; doc++) {
      const score = (folded[doc] ?? 0) + ACCENT_WEIGHT * (accented[doc] ?? 0);
      scores[doc] = score;
      if (score > 0) positive.push(doc);
    }
    return topPositions(scores, positive, limit).map((doc) => ({ doc, score: scores[doc]! }));
  }

  /** Share of the query's (folded) information found in the document, 0..1; synonym hints excluded. */
  coverage(analyzed: QueryTerms, doc: number): number {
    return this.folded.coverage(analyzed.typed, doc);
  }
}
