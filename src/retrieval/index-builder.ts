import type { Chunk } from "../assistant/ports.js";
import type { Lesson } from "../curriculum/index.js";
import type { Lexicon } from "../nlp/index.js";
import { analyzeDocument, type AnalyzedText } from "./analyzer.js";
import { Bm25Index } from "./bm25.js";
import { chunkFields, chunkText } from "./chunk.js";
import { HashedEmbeddings, HASHED_DIMS, textFeatures, type HashedEmbeddingsData } from "./hashed-embeddings.js";
import type { LexicalIndexes } from "./lexical-ranker.js";
import { SparseVectorRanker } from "./sparse-vector-ranker.js";
import type { VectorText } from "./vector-ranker.js";

export interface InMemoryIndex {
  lexical: LexicalIndexes;
  hashed: HashedEmbeddingsData;
  vector: SparseVectorRanker;
}

/**
 * Builds the lexical and (built-in) vector indexes, remembering the expensive per-text work — a chunk's analysed
 * terms, a text's hashed features — between builds. The first build analyses everything; a publish that changed one
 * lesson re-analyses only that lesson's sections and recomputes the cheap corpus-wide parts (BM25 statistics,
 * document frequencies, vector weights), so the new index is ready in a fraction of a second. Only what the latest
 * build used is kept, so memory follows the knowledge base, not its history.
 */
export class IndexBuilder {
  private analyzed = new Map<string, AnalyzedText>();
  private features = new Map<string, ReadonlyMap<string, number>>();

  constructor(private readonly lexicon: Lexicon) {}

  build(chunks: readonly Chunk[], lessons: readonly Lesson[]): InMemoryIndex {
    const summaries = new Map(lessons.map((l) => [l.id, l.summary]));
    const analyzed = new Map<string, AnalyzedText>();
    const docs = chunks.map((chunk) => {
      const fields = chunkFields(chunk, summaries.get(chunk.lessonId) ?? "");
      const key = JSON.stringify(fields);
      const terms = this.analyzed.get(key) ?? analyzeDocument(fields, this.lexicon);
      analyzed.set(key, terms);
      return terms;
    });
    this.analyzed = analyzed;
    const lexical: LexicalIndexes = {
      folded: Bm25Index.build(docs.map((d) => d.folded)),
      accented: Bm25Index.build(docs.map((d) => d.accented)),
    };

    const features = new Map<string, ReadonlyMap<string, number>>();
    // Queries later go through the same embedder; only the build's own (document) texts are remembered.
    let building = true;
    const featuresOf = (text: string) => {
      const found = features.get(text) ?? this.features.get(text) ?? textFeatures(text, this.lexicon);
      if (building) features.set(text, found);
      return found;
    };
    const texts = chunks.map((c) => chunkText(c, summaries.get(c.lessonId) ?? ""));
    const hashed = HashedEmbeddings.fit(texts, HASHED_DIMS, this.lexicon, featuresOf);
    const embeddings = new HashedEmbeddings(hashed, this.lexicon, {}, featuresOf);
    const vector = SparseVectorRanker.build(vectorTexts(chunks, texts), embeddings);
    building = false;
    this.features = features;
    return { lexical, hashed, vector };
  }
}

/** Each chunk's whole text, then each of its paraphrase questions, as separate vectors (see VectorRanker). */
export function vectorTexts(chunks: readonly Chunk[], texts: readonly string[]): VectorText[] {
  return chunks.flatMap((chunk, doc) => [
    { doc, chunkId: chunk.id, text: texts[doc] ?? "" },
    ...chunk.questions.map((text) => ({ doc, chunkId: chunk.id, text: `${text}\n${chunk.section}` })),
  ]);
}
