import type { Chunk, RetrievalHit, Retriever } from "../assistant/ports.js";
import { confidenceFrom } from "./confidence.js";
import type { LexicalRanker } from "./lexical-ranker.js";
import { reciprocalRankFusion, RRF_K } from "./rrf.js";
import type { VectorMatch } from "./vector-ranker.js";

/** What the retriever needs of a vector ranker: HNSW over a remote model (vector-ranker.ts) or exact sparse scoring over the built-in embedder (sparse-vector-ranker.ts). */
export interface VectorSearch {
  readonly dims: number;
  embedQuery(query: string): Promise<number[]>;
  search(vector: number[], k: number): VectorMatch[];
  similarity(vector: readonly number[], doc: number): number;
}

/** Which rankers to use; "lexical" and "vector" exist for the eval's comparison. */
export type RetrievalMode = "hybrid" | "lexical" | "vector";

/** A hit with its own calibrated confidence (see confidence.ts) and the signals behind it. */
export interface ScoredHit extends RetrievalHit {
  /** 0..1; compare with CONFIDENCE_THRESHOLD. */
  confidence: number;
  coverage: number;
  similarity: number;
}

export interface SearchResult {
  hits: ScoredHit[];
  /** Confidence of the top hit (0 when there is none). */
  confidence: number;
  /** True when the query vector was unavailable (remote embeddings down or slow) and BM25 ranked alone. */
  lexicalFallback?: boolean;
}

/**
 * Where query vectors come from: the vector ranker's own embedder by default; with a remote embeddings endpoint, a
 * guarded one (see guarded-query-embedder.ts) that answers `undefined` when the endpoint is down or slow.
 */
export type QueryVectors = (query: string) => Promise<number[] | undefined>;

/**
 * Weight of the vector ranking in the fusion. The hashed embedder is a weaker ranker than BM25 on the dev set
 * (npm run eval), so it breaks ties and rescues typos rather than outvoting exact word matches. A real semantic
 * embedder would deserve 1.
 */
const VECTOR_WEIGHT = 0.3;

/** How deep each ranker looks before fusion. */
const DEPTH = 50;

/** Rankings remembered per retriever (a few hundred KB at most). */
const RECENT_QUERIES = 2_000;

/**
 * The Retriever adapter: lexical (BM25) and vector (HNSW) rankings fused by Reciprocal Rank Fusion.
 * `search` implements the core's port; `searchDetailed` also returns the confidence signal.
 *
 * @example
 * const { hits, confidence } = await retriever.searchDetailed("dt ko dc vneid", 3);
 * if (confidence < CONFIDENCE_THRESHOLD) refuse();
 */
export class KnowledgeRetriever implements Retriever {
  constructor(
    readonly chunks: readonly Chunk[],
    private readonly lexical?: LexicalRanker,
    private readonly vector?: VectorSearch,
    private readonly queryVectors?: QueryVectors,
  ) {}

  private byId?: Map<string, Chunk>;

  /** The section with this chunk id (the core's Retriever.get). */
  get(chunkId: string): Chunk | undefined {
    this.byId ??= new Map(this.chunks.map((c) => [c.id, c]));
    return this.byId.get(chunkId);
  }

  /** A retriever over an empty knowledge base: finds nothing, so the core refuses politely. */
  static empty(): KnowledgeRetriever {
    return new KnowledgeRetriever([]);
  }

  /** Vector dimensions (0 for an empty knowledge base). */
  get dims(): number {
    return this.vector?.dims ?? 0;
  }

  async search(query: string, k: number): Promise<ScoredHit[]> {
    return (await this.searchDetailed(query, k)).hits;
  }

  async searchDetailed(query: string, k: number, mode: RetrievalMode = "hybrid"): Promise<SearchResult> {
    if (k <= 0 || !this.lexical || this.chunks.length === 0 || !query.trim()) {
      return { hits: [], confidence: 0 };
    }
    const key = `${mode}\u0000${k}\u0000${query}`;
    const known = this.recent.get(key);
    if (known) return { ...known, hits: known.hits.slice() };
    const result = await this.rank(query, k, mode);
    // Only the built-in embedder's rankings are kept: with a remote embedder, a ranking depends on whether the
    // endpoint is up at that moment (BM25 alone while it is away), and its fall-back and recovery stay observable.
    if (!this.queryVectors && !result.lexicalFallback) {
      if (this.recent.size >= RECENT_QUERIES) this.recent.delete(this.recent.keys().next().value as string);
      this.recent.set(key, result);
    }
    return { ...result, hits: result.hits.slice() };
  }

  /**
   * Recent rankings by exact query text. The same words arrive again and again — the greeting's buttons send fixed
   * questions, and neighbours ask the popular ones the same way — and a ranking depends only on the query and this
   * retriever's index, which never changes (a publish builds a new retriever). Oldest first out.
   */
  private readonly recent = new Map<string, SearchResult>();

  private async rank(query: string, k: number, mode: RetrievalMode): Promise<SearchResult> {
    const lexicalRanker = this.lexical!; // searchDetailed returned early without one
    const terms = lexicalRanker.analyzeQuery(query);
    const lexical = lexicalRanker.rank(terms, Math.max(DEPTH, k)).map((r) => r.doc);
    // No vector index at all: the remote embedder was down when the index had to be built (see index.ts).
    if (!this.vector) return this.lexicalOnly(terms, lexical, k);
    const vectorQuery = this.queryVectors ? await this.queryVectors(query) : await this.vector.embedQuery(query);
    if (!vectorQuery) return this.lexicalOnly(terms, lexical, k);
    const vector = this.vector.search(vectorQuery, Math.max(DEPTH, k)).map((m) => m.doc);

    const rankings = mode === "lexical" ? [lexical] : mode === "vector" ? [vector] : [lexical, vector];
    const fused = reciprocalRankFusion(rankings, RRF_K, [1, VECTOR_WEIGHT]).slice(0, k);
    const lexTop = lexical[0] !== undefined ? this.chunks[lexical[0]]?.lessonId : undefined;
    const vecTop = vector[0] !== undefined ? this.chunks[vector[0]]?.lessonId : undefined;

    const hits: ScoredHit[] = [];
    for (const { doc, score } of fused) {
      const chunk = this.chunks[doc];
      if (!chunk) continue;
      const coverage = lexicalRanker.coverage(terms, doc);
      const similarity = this.vector.similarity(vectorQuery, doc);
      const agreement = lexTop !== undefined && lexTop === vecTop && chunk.lessonId === lexTop;
      const confidence = confidenceFrom({ coverage, similarity, agreement });
      hits.push({ chunk, score, confidence, coverage, similarity });
    }
    return { hits, confidence: hits[0]?.confidence ?? 0 };
  }

  /**
   * The fallback when the remote embedder is down or slow (or was down when the index had to be built). The index's vectors live in the remote model's space, so
   * the built-in hashed embedder cannot stand in for it (other dimensions, other space); BM25 alone is the honest
   * ranking, and issue 9 found plain BM25 competitive with the hybrid on the dev set. Confidence uses only the lexical evidence we have — no similarity, no agreement — so it
   * is lower than in hybrid mode: weak matches get "not sure" instead of a guess while the endpoint is away.
   */
  private lexicalOnly(terms: ReturnType<LexicalRanker["analyzeQuery"]>, lexical: number[], k: number): SearchResult {
    const hits: ScoredHit[] = [];
    for (const { doc, score } of reciprocalRankFusion([lexical], RRF_K).slice(0, k)) {
      const chunk = this.chunks[doc];
      if (!chunk) continue;
      const coverage = this.lexical!.coverage(terms, doc);
      hits.push({ chunk, score, confidence: confidenceFrom({ coverage, similarity: 0, agreement: false }), coverage, similarity: 0 });
    }
    return { hits, confidence: hits[0]?.confidence ?? 0, lexicalFallback: true };
  }
}
