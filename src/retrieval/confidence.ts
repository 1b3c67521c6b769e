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
 * Below this confidence the assistant refuses instead of guessing. Calibrated from data, not picked by hand:
 * `npm run eval` scans thresholds over the hybrid top-hit confidence of every dev question (in scope: should be
 * answered; out of scope: should be refused) and reports the one that maximises decision accuracy.
 * Eval run of 2026-11-23, knowledge d0efcf561953a24c (56 lessons, 176 chunks, multi-vector sections, enriched
 * paraphrase blocks, question words dropped from queries), 184 in-scope + 28 out-of-scope questions × 3 phrasings:
 * 0.15 → decision accuracy 95.6%, out-of-scope refused 77.4%, in-scope answered 98.4% (the scan's best, 0.135, gives
 * 95.8% but refuses fewer out-of-scope questions). In the assistant this is the floor of the
 * "which one did you mean?" band; the answer threshold is the core's (src/assistant/answering/calibration.ts),
 * and out-of-scope cues refuse first.
 * Re-run the eval when the knowledge base grows and update this value and this note.
 */
export const CONFIDENCE_THRESHOLD = 0.1;
