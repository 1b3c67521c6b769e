import { createHash } from "node:crypto";
import type { Chunk } from "../assistant/ports.js";
import type { Lesson } from "../curriculum/index.js";
import type { Lexicon } from "../nlp/index.js";
import { analyzeDocument } from "./analyzer.js";
import { Bm25Index } from "./bm25.js";
import { chunkFields, chunkText } from "./chunk.js";
import { HashedEmbeddings, HASHED_DIMS, type HashedEmbeddingsData } from "./hashed-embeddings.js";
import type { StoredPoint } from "./stored-point.js";
import { LexicalRanker } from "./lexical-ranker.js";
import { foldDiacritics } from "../nlp/index.js";
import { SparseVectorRanker } from "./sparse-vector-ranker.js";
import { TermList } from "./term-list.js";
import type { VectorText } from "./vector-ranker.js";

/** A chunk's analysed terms for the two lexical fields, as the builder keeps them (see TermList). */
export interface AnalyzedTerms {
  folded: TermList;
  accented: TermList;
}

/**
 * What an IndexBuilder remembers between builds. Keys are textKey() digests of the texts, not the texts: the ~3,500
 * keys were ~2.5 MB of two-byte strings (Vietnamese text is not Latin-1) held only to be compared.
 */
export interface BuilderState {
  /** textKey(a chunk's fields) → its analysed terms. */
  analyzed: Map<string, AnalyzedTerms>;
  /** textKey(a vector text) → its sparse vector. */
  points: Map<string, StoredPoint>;
  /** Accented term → folded, for the lexical ranker's accent restoration. */
  folds: Map<string, string>;
  fitted?: HashedEmbeddingsData;
  drift: number;
}

/**
 * The key of a text in the builder's memory and cache: 128 bits of its SHA-256 (a collision would need ~2^64
 * texts), in base64url. Hashing costs about as much as the Map hashing the long text itself did.
 */
export function textKey(text: string): string {
  return createHash("sha256").update(text).digest("base64url").slice(0, 22);
}

export interface InMemoryIndex {
  lexical: LexicalRanker;
  hashed: HashedEmbeddingsData;
  vector: SparseVectorRanker;
}

/**
 * Builds the lexical and (built-in) vector indexes, remembering the expensive per-text work — a chunk's analysed
 * terms, a text's sparse vector — between builds. The first build analyses and embeds everything; a publish that
 * changed one lesson analyses and embeds only that lesson's texts and recomputes the BM25 statistics, so the new
 * index is ready in a fraction of a second. Only what the latest build used is kept, so memory follows the
 * knowledge base, not its history.
 */
export class IndexBuilder {
  private analyzed = new Map<string, AnalyzedTerms>();
  /** Accented term → folded, for the lexical ranker's accent restoration (the same ~30,000 terms every build). */
  private folds = new Map<string, string>();
  /** Each document text's sparse vector under the current document frequencies. */
  private points = new Map<string, StoredPoint>();
  private fitted?: { data: HashedEmbeddingsData; embeddings: HashedEmbeddings };
  /** Texts embedded since the document frequencies were last fitted. */
  private drift = 0;
  /** Chunks analysed and texts embedded by the last build (0: it was all remembered work). */
  lastBuildNewWork = 0;

  constructor(private readonly lexicon: Lexicon) {}

  /** The per-text work as plain data, for the start-up cache (index-builder-cache.ts). */
  snapshot(): BuilderState {
    return { analyzed: this.analyzed, points: this.points, folds: this.folds, fitted: this.fitted?.data, drift: this.drift };
  }

  /** Takes back per-text work saved by an earlier process (same lexicon and analysis: the cache checks that). */
  restore(state: BuilderState): void {
    this.analyzed = state.analyzed;
    this.points = state.points;
    this.folds = state.folds;
    this.fitted = state.fitted ? { data: state.fitted, embeddings: new HashedEmbeddings(state.fitted, this.lexicon) } : undefined;
    this.drift = state.drift;
  }

  build(chunks: readonly Chunk[], lessons: readonly Lesson[]): InMemoryIndex {
    const summaries = new Map(lessons.map((l) => [l.id, l.summary]));
    const analyzed = new Map<string, AnalyzedTerms>();
    let newWork = 0;
    // One string per distinct term among the texts analysed now (a first build analyses ~230,000 terms, ~40,000
    // distinct); remembered texts already share theirs.
    const interned = new Map<string, string>();
    const intern = (term: string) => {
      const known = interned.get(term);
      if (known !== undefined) return known;
      interned.set(term, term);
      return term;
    };
    const docs = chunks.map((chunk) => {
      const fields = chunkFields(chunk, summaries.get(chunk.lessonId) ?? "");
      const key = textKey(JSON.stringify(fields));
      let terms = this.analyzed.get(key);
      if (!terms) {
        const fresh = analyzeDocument(fields, this.lexicon);
        terms = { folded: TermList.from(fresh.folded, intern), accented: TermList.from(fresh.accented, intern) };
        newWork++;
      }
      analyzed.set(key, terms);
      return terms;
    });
    this.analyzed = analyzed;
    const folds = new Map<string, string>();
    const fold = (term: string) => {
      const known = folds.get(term) ?? this.folds.get(term) ?? foldDiacritics(term);
      folds.set(term, known);
      return known;
    };
    const lexical = new LexicalRanker(
      { folded: Bm25Index.build(docs.map((d) => d.folded)), accented: Bm25Index.build(docs.map((d) => d.accented)) },
      this.lexicon,
      fold,
    );
    this.folds = folds;

    const texts = chunks.map((c) => chunkText(c, summaries.get(c.lessonId) ?? ""));
    const items = vectorTexts(chunks, texts);
    const embedder = this.embedderFor(texts, items.length);
    const points = new Map<string, StoredPoint>();
    const vectors = items.map((item) => {
      const key = textKey(item.text);
      let point = points.get(key) ?? this.points.get(key);
      if (!point) {
        point = embedder.embeddings.embedSparse(item.text);
        newWork++;
        if (!embedder.fresh) this.drift++;
      }
      points.set(key, point);
      return point;
    });
    this.points = points;
    const vector = SparseVectorRanker.fromPoints(items, vectors, embedder.embeddings);
    const hashed = embedder.data;
    this.lastBuildNewWork = newWork;
    return { lexical, hashed, vector };
  }

  /** The embedder to use: the last fitted one, unless the knowledge base moved enough since (see REFIT_SHARE). */
  private embedderFor(texts: readonly string[], vectorCount: number): { data: HashedEmbeddingsData; embeddings: HashedEmbeddings; fresh: boolean } {
    if (this.fitted && this.drift <= REFIT_SHARE * vectorCount) return { ...this.fitted, fresh: false };
    const data = HashedEmbeddings.fit(texts, HASHED_DIMS, this.lexicon);
    this.fitted = { data, embeddings: new HashedEmbeddings(data, this.lexicon) };
    this.points = new Map();
    this.drift = 0;
    return { ...this.fitted, fresh: true };
  }
}

/**
 * Texts that may be embedded with document frequencies fitted on an earlier build before they are fitted again: a
 * publish changes a handful of the ~3,000 texts, and re-weighting all of them for that is most of a re-index. The
 * frequencies of a knowledge base barely move with one lesson; after this share of new texts (or at start-up) the
 * builder refits and re-embeds everything.
 */
const REFIT_SHARE = 0.1;

/** Each chunk's whole text, then each of its paraphrase questions, as separate vectors (see VectorRanker). */
export function vectorTexts(chunks: readonly Chunk[], texts: readonly string[]): VectorText[] {
  return chunks.flatMap((chunk, doc) => [
    { doc, chunkId: chunk.id, text: texts[doc] ?? "" },
    ...chunk.questions.map((text) => ({ doc, chunkId: chunk.id, text: `${text}\n${chunk.section}` })),
  ]);
}
