/**
 * Reciprocal Rank Fusion (Cormack et al. 2009): score(d) = Σ 1 / (k + rank(d)) over the rankings that contain d.
 * It only uses ranks, so BM25 scores and cosine similarities never need to be put on one scale.
 */
export const RRF_K = 60;

/**
 * Fuses rankings of document numbers (best first); returns documents by fused score, ties by first appearance.
 * `weights[i]` scales ranking i's contribution (weighted RRF); default 1 each.
 */
export function reciprocalRankFusion(
  rankings: ReadonlyArray<readonly number[]>,
  k = RRF_K,
  weights: readonly number[] = [],
): Array<{ doc: number; score: number }> {
  const scores = new Map<number, number>();
  rankings.forEach((ranking, r) => {
    const w = weights[r] ?? 1;
    ranking.forEach((doc, index) => scores.set(doc, (scores.get(doc) ?? 0) + w / (k + index + 1)));
  });
  return [...scores.entries()].map(([doc, score]) => ({ doc, score })).sort((a, b) => b.score - a.score);
}
