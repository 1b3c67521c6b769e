import { confidenceFrom } from "./confidence.js";
import type { LexicalRanker, QueryTerms } from "./lexical-ranker.js";
import { reciprocalRankFusion, RRF_K } from "./rrf.js";
import type { VectorMatch } from "./vector-ranker.js";

/** Which rankers to use; "lexical" and "vector" exist for the eval's comparison. */
export type RetrievalMode = "hybrid" | "lexical" | "vector";

/** The synchronous part of a vector ranker that scoring needs once the query vector is known. */
export interface VectorScoring {
  search(vector: number[], k: number): VectorMatch[];
  similarity(vector: readonly number[], doc: number): number;
}

/** One ranked section by position, with its calibrated confidence (see confidence.ts) and the signals behind it. */
export interface RankedSection {
  doc: number;
  score: number;
  /** 0..1; compare with CONFIDENCE_THRESHOLD. */
  confidence: number;
  coverage: number;
  similarity: number;
}

export interface Ranking {
  sections: RankedSection[];
  /** True when no query vector was available and BM25 ranked alone. */
  lexicalFallback?: boolean;
}

/**
 * Weight of the vector ranking in the fusion. The hashed embedder is a weaker ranker than BM25 on the dev set
 * (npm run eval), so it breaks ties and rescues typos rather than outvoting exact word matches. A real semantic
 * embedder would deserve 1.
 */
const VECTOR_WEIGHT = 0.3;

/** How deep each ranker looks before fusion. */
const DEPTH = 50;

/**
 * Lexical (BM25) and vector rankings fused by Reciprocal Rank Fusion, with each hit's confidence. Pure and
 * synchronous once the query vector is known, and it speaks in section positions only, so the same code ranks on the
 * main thread and in the ranking thread (ranking-thread/), and both give identical lists.
 */
export class HybridRanking {
  constructor(
    private readonly lexical: LexicalRanker,
    /** Section position → its lesson id (the rankers "agree" when both put the same lesson first). */
    private readonly lessonIds: readonly string[],
    private readonly vector?: VectorScoring,
  ) {}

  /** `vectorQuery` undefined: no vector index, or the remote embedder is away; BM25 ranks alone. */
  rank(query: string, k: number, mode: RetrievalMode, vectorQuery: number[] | undefined): Ranking {
    const terms = this.lexical.analyzeQuery(query);
    const lexical = this.lexical.rank(terms, Math.max(DEPTH, k)).map((r) => r.doc);
    if (!this.vector || !vectorQuery) return this.lexicalOnly(terms, lexical, k);
    const vector = this.vector.search(vectorQuery, Math.max(DEPTH, k)).map((m) => m.doc);

    const rankings = mode === "lexical" ? [lexical] : mode === "vector" ? [vector] : [lexical, vector];
    const fused = reciprocalRankFusion(rankings, RRF_K, [1, VECTOR_WEIGHT]).slice(0, k);
    const lexTop = lexical[0] !== undefined ? this.lessonIds[lexical[0]] : undefined;
    const vecTop = vector[0] !== undefined ? this.lessonIds[vector[0]] : undefined;

    const sections: RankedSection[] = [];
    for (const { doc, score } of fused) {
      const lessonId = this.lessonIds[doc];
      if (lessonId === undefined) continue;
      const coverage = this.lexical.coverage(terms, doc);
      const similarity = this.vector.similarity(vectorQuery, doc);
      const agreement = lexTop !== undefined && lexTop === vecTop && lessonId === lexTop;
      sections.push({ doc, score, confidence: confidenceFrom({ coverage, similarity, agreement }), coverage, similarity });
    }
    return { sections };
  }

  /**
   * BM25 alone: the remote embedder is down or slow (or was down when the index had to be built). The index's
   * vectors live in the remote model's space, so the built-in hashed embedder cannot stand in for it; issue 9 found
   * plain BM25 competitive with the hybrid on the dev set. Confidence uses only the lexical evidence — no similarity,
   * no agreement — so it is lower than in hybrid mode: weak matches get "not sure" instead of a guess meanwhile.
   */
  private lexicalOnly(terms: QueryTerms, lexical: number[], k: number): Ranking {
    const sections: RankedSection[] = [];
    for (const { doc, score } of reciprocalRankFusion([lexical], RRF_K).slice(0, k)) {
      if (this.lessonIds[doc] === undefined) continue;
      const coverage = this.lexical.coverage(terms, doc);
      sections.push({ doc, score, confidence: confidenceFrom({ coverage, similarity: 0, agreement: false }), coverage, similarity: 0 });
    }
    return { sections, lexicalFallback: true };
  }
}
