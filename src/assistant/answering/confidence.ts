import { foldedTokens } from "../../shared/fold.js";
import type { Chunk } from "../ports.js";

/**
 * Calibrated confidence that a section answers a question, independent of the retriever's score scale (RRF scores
 * are only comparable within one query). It is the IDF-weighted share of the question's syllables that the section
 * (title, heading, body and its paraphrase questions) contains. Syllables the knowledge base never uses ("thời
 * tiết", "xổ số") weigh the most, so questions about things we do not teach score low even when the retriever still
 * returns its nearest section. Syllables are folded (đ→d, no accents) so all three phrasings score alike.
 */
export interface ConfidenceScorer {
  score(query: string, chunk: Chunk): number;
}

function chunkText(chunk: Chunk): string {
  return [chunk.lessonTitle, chunk.section, chunk.body, ...chunk.questions].join(" ");
}

export function createConfidenceScorer(chunks: readonly Chunk[]): ConfidenceScorer {
  const df = new Map<string, number>();
  const tokensById = new Map<string, Set<string>>();
  for (const chunk of chunks) {
    const tokens = new Set(foldedTokens(chunkText(chunk)));
    tokensById.set(chunk.id, tokens);
    for (const t of tokens) df.set(t, (df.get(t) ?? 0) + 1);
  }
  const n = Math.max(chunks.length, 1);
  const idf = (t: string) => Math.log(1 + n / ((df.get(t) ?? 0) + 0.5));

  return {
    score(query, chunk) {
      const queryTokens = new Set(foldedTokens(query));
      if (queryTokens.size === 0) return 0;
      const inChunk = tokensById.get(chunk.id) ?? new Set(foldedTokens(chunkText(chunk)));
      let total = 0;
      let covered = 0;
      for (const t of queryTokens) {
        const w = idf(t);
        total += w;
        if (inChunk.has(t)) covered += w;
      }
      return total > 0 ? covered / total : 0;
    },
  };
}
