/**
 * Reciprocal Rank Fusion (Cormack et al. 2009): score(d) = Σ 1 / (k + rank(d)) over the rankings that contain d.
 * It only uses ranks, so BM25 scores and cosine similarities never need to be put on one scale.
 */
export const RRF_K = 60;

/** Fuses rankings of document numbers (best first); returns documents by fused score, ties by first appearance. */
export function reciprocalRankFusion(rankings: ReadonlyArray<readonly number[]>, k = RRF_K): Array<{ doc: number; score: number }> {
  const scores = new Map<number, number>();
  for (const ranking of rankings) {
    ranking.forEach((doc, index) => scores.set(doc, (scores.get(doc) ?? 0) + 1 / (k + index + 1)));
  }
  return [...scores.entries()].map(([doc, score]) => ({ doc, score })).sort((a, b) => b.score - a.score);
}
