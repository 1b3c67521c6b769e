/**
 * Confidence that the top retrieval hit really answers the question, 0..1, built from signals that are comparable
 * across queries (unlike raw BM25 or RRF scores):
 * - coverage: share of the query's idf mass (folded syllables + bigrams the user typed) found in the section;
 *   out-of-scope questions ("xổ số hôm nay") are made of words the knowledge base does not contain;
 * - similarity: cosine similarity of the query and section vectors;
 * - agreement: the lexical and the vector ranker put the same lesson first.
 */
export interface ConfidenceSignals {
  coverage: number;
  similarity: number;
  agreement: boolean;
}

export function confidenceFrom(signals: ConfidenceSignals): number {
  const value = 0.6 * signals.coverage + 0.25 * Math.max(0, signals.similarity) + 0.15 * (signals.agreement ? 1 : 0);
  return Math.min(1, Math.max(0, Math.round(value * 1000) / 1000));
}

/**
 * Below this confidence the assistant refuses instead of guessing. Calibrated with `npm run eval`: the threshold
 * that maximises accuracy of the answer/refuse decision over all in-scope and out-of-scope dev questions.
 * PLACEHOLDER until the first eval run.
 */
export const CONFIDENCE_THRESHOLD = 0.45;
