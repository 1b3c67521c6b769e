import type { Chunk, RetrievalHit, Retriever } from "../assistant/ports.js";
import { HybridRanking, type Ranking, type RetrievalMode, type VectorScoring } from "./hybrid-ranking.js";
import type { LexicalRanker } from "./lexical-ranker.js";

/** What the retriever needs of a vector ranker: HNSW over a remote model (vector-ranker.ts) or exact sparse scoring over the built-in embedder (sparse-vector-ranker.ts). */
export interface VectorSearch extends VectorScoring {
  readonly dims: number;
  embedQuery(query: string): Promise<number[]>;
}

export type { RetrievalMode } from "./hybrid-ranking.js";

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
 * The same ranking done in another thread (ranking-thread/): `undefined` when it cannot take this one now (not
 * started, still loading this knowledge version, stopped), and a rejected promise when it stopped meanwhile; the
 * retriever then ranks on its own thread, with the same code and the same result.
 */
export interface OffThreadRanking {
  rank(query: string, k: number, mode: RetrievalMode): Promise<Ranking> | undefined;
}

/** Rankings remembered per retriever (a few hundred KB at most). */
const RECENT_QUERIES = 2_000;

/**
 * The Retriever adapter: lexical (BM25) and vector rankings fused by Reciprocal Rank Fusion (hybrid-ranking.ts), on
 * this thread or in the ranking thread when one is given. `search` implements the core's port; `searchDetailed`
 * also returns the confidence signal.
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
    private readonly offThread?: OffThreadRanking,
  ) {
    this.hybrid = lexical ? new HybridRanking(lexical, chunks.map((c) => c.lessonId), vector) : undefined;
  }

  private readonly hybrid?: HybridRanking;

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
    const away = this.offThread?.rank(query, k, mode);
    if (away) {
      try {
        return this.withChunks(await away);
      } catch {
        // The ranking thread stopped (it is restarted in the background): this thread ranks instead, same result.
      }
    }
    return this.withChunks(await this.rankHere(query, k, mode));
  }

  private async rankHere(query: string, k: number, mode: RetrievalMode): Promise<Ranking> {
    const hybrid = this.hybrid!; // searchDetailed returned early without a lexical ranker
    // No vector index at all: the remote embedder was down when the index had to be built (see index.ts).
    if (!this.vector) return hybrid.rank(query, k, mode, undefined);
    const vectorQuery = this.queryVectors ? await this.queryVectors(query) : await this.vector.embedQuery(query);
    return hybrid.rank(query, k, mode, vectorQuery);
  }

  private withChunks(ranking: Ranking): SearchResult {
    const hits: ScoredHit[] = [];
    for (const { doc, score, confidence, coverage, similarity } of ranking.sections) {
      const chunk = this.chunks[doc];
      if (chunk) hits.push({ chunk, score, confidence, coverage, similarity });
    }
    return { hits, confidence: hits[0]?.confidence ?? 0, ...(ranking.lexicalFallback ? { lexicalFallback: true } : {}) };
  }
}
